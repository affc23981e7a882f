using System.Security.Cryptography;
using System.Text;

namespace NewsDesk.Ingest.Dedup;

/// <summary>SHA-256 of the headline and body with case and whitespace normalised: the same text is the same item.</summary>
public static class ContentHash
{
    public static string Of(string headline, string body)
    {
        ArgumentNullException.ThrowIfNull(headline);
        ArgumentNullException.ThrowIfNull(body);
        var builder = new StringBuilder(headline.Length + body.Length + 1);
        Append(builder, headline);
        builder.Append('\n');
        Append(builder, body);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    private static void Append(StringBuilder builder, string text)
    {
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && builder.Length > 0 && builder[^1] != '\n')
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(char.ToLowerInvariant(c));
        }
    }
}
