using System.Text.Json;
using NewsDesk.Ingest.Text;

namespace NewsDesk.Ingest.Feeds;

/// <summary>
/// JSON Feed 1.0 and 1.1. The document is parsed whole (JSON has no cheap streaming form for a nested array);
/// the input size cap bounds it. Lenient about ids given as numbers, 1.0's "author" and 1.1's "authors".
/// </summary>
public static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static async Task<ParsedFeed> ReadAsync(Stream stream, Uri? documentUri, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException("not valid JSON: " + FeedParser.OneLine(ex.Message), ex);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !IsJsonFeed(root))
        {
            document.Dispose();
            throw new FeedFormatException("JSON, but not a JSON Feed (no jsonfeed.org version)");
        }

        var version = String(root, "version") ?? "";
        var info = new FeedInfo
        {
            Format = version.Contains("1.1", StringComparison.Ordinal) ? "JSON Feed 1.1" : "JSON Feed 1.0",
            Title = NullIfEmpty(HtmlMarkdown.Collapse(String(root, "title") ?? "")),
            Link = Urls.Resolve(String(root, "home_page_url"), documentUri?.AbsoluteUri),
            Author = Author(root),
        };
        var baseUri = info.Link ?? Urls.Resolve(String(root, "feed_url"), documentUri?.AbsoluteUri) ?? documentUri?.AbsoluteUri;
        return new ParsedFeed(info, feed => Items(feed, document, baseUri, cancellationToken));
    }

    public static bool IsJsonFeed(JsonElement root) =>
        root.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String && (v.GetString() ?? "").Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<FeedItem> Items(ParsedFeed feed, JsonDocument document, string? baseUri, CancellationToken cancellationToken)
    {
        using (document)
        {
            if (!document.RootElement.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                yield break;
            }

            foreach (var item in items.EnumerateArray())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (item.ValueKind != JsonValueKind.Object)
                {
                    feed.Problems.Add("an item is not a JSON object");
                    continue;
                }

                var html = String(item, "content_html");
                var text = String(item, "content_text");
                var summary = String(item, "summary");
                yield return new FeedItem(
                    Id: String(item, "id"),
                    Link: Urls.Resolve(String(item, "url"), baseUri) ?? Urls.Resolve(String(item, "external_url"), baseUri),
                    Title: NullIfEmpty(HtmlMarkdown.Collapse(String(item, "title") ?? "")),
                    Summary: summary is null ? null : new FeedText(summary, false),
                    Content: html is not null ? new FeedText(html, true) : text is not null ? new FeedText(text, false) : null,
                    Author: Author(item) ?? feed.Info.Author,
                    Published: FeedDates.Parse(String(item, "date_published")),
                    Updated: FeedDates.Parse(String(item, "date_modified")),
                    BaseUri: Uri.TryCreate(baseUri, UriKind.Absolute, out var b) ? b : null);
            }
        }
    }

    private static string? Author(JsonElement element)
    {
        if (element.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            var names = authors.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Object ? String(a, "name") : null).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
            if (names.Count > 0)
            {
                return string.Join(", ", names);
            }
        }

        return element.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object ? NullIfEmpty(String(author, "name")) : null;
    }

    private static string? String(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
