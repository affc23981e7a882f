using System.Text;

namespace NewsDesk.Ingest.PlainText;

/// <summary>Plain text made safe to embed in Markdown: characters Markdown would read as syntax are escaped.</summary>
public static class MarkdownText
{
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '~')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        // A line that starts like a list item or a numbered list would become one.
        if (builder.Length > 1 && builder[0] is '-' or '+' && builder[1] == ' ')
        {
            builder.Insert(0, '\\');
        }
        else
        {
            var digits = 0;
            while (digits < builder.Length && char.IsAsciiDigit(builder[digits]))
            {
                digits++;
            }

            if (digits > 0 && digits + 1 < builder.Length && builder[digits] is '.' or ')' && builder[digits + 1] == ' ')
            {
                builder.Insert(digits, '\\');
            }
        }

        return builder.ToString();
    }
}
