using System.Text;
using NewsDesk.Ingest.Feeds;
using NewsDesk.Ingest.Pages;
using NewsDesk.Ingest.PlainText;
using NewsDesk.Ingest.Text;

namespace NewsDesk.Ingest.Pipeline;

/// <summary>What an input turned out to be: a feed to stream, or one article (a plain-text file or a web page).</summary>
internal sealed record InputContent(ParsedFeed? Feed, IncomingArticle? Article, string? SiteName);

/// <summary>
/// Looks at the first bytes of an input and reads it as what it is: XML feed, JSON Feed, HTML page (only when
/// fetched by URL: a file of HTML is refused as "not a feed"), or a plain-text article. Empty and binary inputs
/// are refused with a one-line reason before any parser sees them.
/// </summary>
internal static class InputReader
{
    public static async Task<InputContent> ReadAsync(string file, string externalId, Uri? documentUri, string? httpCharset, bool htmlIsArticle, IngestOptions options, CancellationToken cancellationToken)
    {
        var info = new FileInfo(file);
        if (info.Length == 0)
        {
            throw new FeedFormatException("empty: nothing to read");
        }

        if (info.Length > options.MaxFeedBytes)
        {
            throw new FeedFormatException($"{info.Length:N0} bytes, over the {options.MaxFeedBytes:N0}-byte limit");
        }

        var head = new byte[4096];
        int read;
        await using (var stream = File.OpenRead(file))
        {
            read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var bytes = head.AsSpan(0, read);
        if (Binary(bytes) is { } binary)
        {
            throw new FeedFormatException(binary);
        }

        var first = FirstSignificant(file, httpCharset);
        if (first is null)
        {
            throw new FeedFormatException("empty: only white space");
        }

        // A feed with junk before it (a PHP warning, a stray line) is still a feed.
        if (first != '<' && first is not '{' and not '[' && LooksLikeFeed(Encoding.Latin1.GetString(bytes)))
        {
            first = '<';
        }

        if (first == '<')
        {
            if (htmlIsArticle && LooksLikeHtml(Encoding.Latin1.GetString(bytes)))
            {
                var page = ArticlePage.Read(file, documentUri!, httpCharset);
                return new InputContent(null, page.Article, page.SiteName);
            }

            var encoding = OpenEncoding(file, httpCharset);
            var feed = FeedParser.ReadXml(() => new StreamReader(File.OpenRead(file), encoding, detectEncodingFromByteOrderMarks: true, 64 * 1024), documentUri, options.MaxFeedBytes * 2, cancellationToken);
            return new InputContent(feed, null, null);
        }

        if (first is '{' or '[')
        {
            await using var stream = File.OpenRead(file);
            var feed = await JsonFeedReader.ReadAsync(stream, documentUri, cancellationToken);
            return new InputContent(feed, null, null);
        }

        if (info.Length > options.MaxFileBytes)
        {
            throw new FeedFormatException($"a text file of {info.Length:N0} bytes, over the {options.MaxFileBytes:N0}-byte limit for article files");
        }

        var text = await TextFiles.ReadAsync(file, options.MaxFileBytes, cancellationToken);
        var parsed = PlainTextArticleParser.Parse(text, File.GetLastWriteTimeUtc(file));
        return new InputContent(null, ItemMapping.FromPlainText(parsed, externalId), null);
    }

    private static System.Text.Encoding OpenEncoding(string file, string? httpCharset)
    {
        using var stream = File.OpenRead(file);
        return FeedEncoding.Detect(stream, httpCharset);
    }

    private static char? FirstSignificant(string file, string? httpCharset)
    {
        using var stream = File.OpenRead(file);
        var encoding = FeedEncoding.Detect(stream, httpCharset);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[4096];
        var n = reader.ReadBlock(buffer, 0, buffer.Length);
        foreach (var c in buffer.AsSpan(0, n))
        {
            if (!char.IsWhiteSpace(c) && c is not '\uFEFF' and not '\u200B' and not '\0')
            {
                return c;
            }
        }

        return null;
    }

    private static bool LooksLikeFeed(string head) =>
        head.Contains("<?xml", StringComparison.OrdinalIgnoreCase) || head.Contains("<rss", StringComparison.OrdinalIgnoreCase)
        || head.Contains("<feed", StringComparison.OrdinalIgnoreCase) || head.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeHtml(string head)
    {
        var lower = head.ToLowerInvariant();
        return lower.Contains("<!doctype html", StringComparison.Ordinal) || lower.Contains("<html", StringComparison.Ordinal)
            || lower.Contains("<head", StringComparison.Ordinal) || lower.Contains("<body", StringComparison.Ordinal);
    }

    private static string? Binary(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return "a ZIP archive, not a feed or an article";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "gzip-compressed data: decompress it first";
        }

        if (bytes.StartsWith("%PDF"u8))
        {
            return "a PDF document, not a feed or an article";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || bytes.StartsWith("GIF8"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "an image, not a feed or an article";
        }

        var utf16 = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            || (bytes.Length >= 4 && ((bytes[0] == '<' && bytes[1] == 0) || (bytes[0] == 0 && bytes[1] == '<')));
        if (!utf16 && bytes.Contains((byte)0))
        {
            return "binary data, not a feed or an article";
        }

        var control = 0;
        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                control++;
            }
        }

        return !utf16 && bytes.Length > 0 && control * 10 > bytes.Length ? "binary data, not a feed or an article" : null;
    }
}
