using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using NewsDesk.Ingest.Feeds;
using NewsDesk.Ingest.Pipeline;
using NewsDesk.Ingest.Text;
using SmartReader;

namespace NewsDesk.Ingest.Pages;

/// <summary>
/// An article web page reduced to its story with SmartReader (a port of Mozilla's Readability): headline,
/// byline, date and main text, without navigation, ads and comments. The page is never fetched by SmartReader
/// itself: the safe fetcher downloads it and this reads the file.
/// </summary>
public static partial class ArticlePage
{
    private const int MaxNesting = 400;

    public sealed record Extracted(IncomingArticle Article, string? SiteName);

    /// <exception cref="FeedFormatException">No readable article on the page.</exception>
    public static Extracted Read(string file, Uri url, string? httpCharset)
    {
        ArgumentNullException.ThrowIfNull(url);
        var bytes = File.ReadAllBytes(file);
        var html = Decode(bytes, httpCharset);
        var document = new HtmlParser().ParseDocument(html);
        if (HtmlMarkdown.Depth(document.DocumentElement) > MaxNesting)
        {
            throw new FeedFormatException($"the page nests elements more than {MaxNesting} deep; not read");
        }

        var canonical = document.QuerySelector("link[rel~=canonical][href]")?.GetAttribute("href");
        Article article;
        using (var reader = new Reader(url.AbsoluteUri, html) { Debug = false, ContinueIfNotReadable = true, LoggerDelegate = _ => { } })
        {
            article = reader.GetArticle();
        }

        var body = HtmlMarkdown.Convert(article.Content, url);
        var headline = HtmlMarkdown.Collapse(article.Title ?? "");
        if (!article.IsReadable || body.Length < 100 || headline.Length == 0)
        {
            throw new FeedFormatException("no article found on the page (nothing readable as a story)");
        }

        var link = Urls.Resolve(canonical, url.AbsoluteUri) ?? url.AbsoluteUri;
        var excerpt = HtmlMarkdown.Collapse(article.Excerpt ?? "");
        var byline = HtmlMarkdown.Collapse(article.Byline ?? article.Author ?? "");
        return new Extracted(
            new IncomingArticle(
                Headline: ItemMapping.Truncate(headline, Core.Articles.Article.MaxHeadlineLength),
                Standfirst: excerpt.Length > 0 && !HtmlMarkdown.Collapse(body).Replace("\\", "", StringComparison.Ordinal).StartsWith(excerpt[..Math.Min(excerpt.Length, 60)], StringComparison.Ordinal)
                    ? ItemMapping.Truncate(excerpt, 4000)
                    : null,
                Body: body,
                Byline: byline.Length == 0 ? null : ItemMapping.Truncate(byline, 300),
                ImageCredit: null,
                OriginalUrl: link.Length <= 2048 ? link : url.AbsoluteUri,
                ExternalId: link.Length <= 1000 ? link : null,
                PublishedAt: article.PublicationDate is { } date ? DateTime.SpecifyKind(date.ToUniversalTime(), DateTimeKind.Utc) : null,
                UpdatedAt: null),
            string.IsNullOrWhiteSpace(article.SiteName) ? null : HtmlMarkdown.Collapse(article.SiteName));
    }

    /// <summary>HTTP charset, then a meta charset in the first 2 KB, then UTF-8 (invalid bytes as Windows-1252).</summary>
    private static string Decode(byte[] bytes, string? httpCharset)
    {
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 2048));
        var meta = MetaCharset().Match(head);
        var name = !string.IsNullOrWhiteSpace(httpCharset) ? httpCharset : meta.Success ? meta.Groups["cs"].Value : null;
        var encoding = name is null ? null : FeedEncoding.Lookup(name);
        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            encoding = FeedEncoding.LenientUtf8;
        }

        using var reader = new StreamReader(new MemoryStream(bytes), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<cs>[A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();
}
