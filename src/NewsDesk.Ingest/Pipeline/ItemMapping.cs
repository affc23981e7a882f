using NewsDesk.Core.Articles;
using NewsDesk.Core.Text;
using NewsDesk.Ingest.Feeds;
using NewsDesk.Ingest.PlainText;
using NewsDesk.Ingest.Text;

namespace NewsDesk.Ingest.Pipeline;

/// <summary>Feed entries and parsed files as articles: HTML to Markdown, text fitted to the store's column sizes.</summary>
public static class ItemMapping
{
    private const int MaxStandfirst = 4000;
    private const int MaxByline = 300;
    private const int MaxUrl = 2048;
    private const int MaxExternalId = 1000;

    /// <summary>
    /// The item for an entry, or null with a one-line reason when there is nothing to store. Its content hash is
    /// taken over the text as the feed gave it, so the HTML is converted only if the item turns out new or changed.
    /// </summary>
    public static IncomingItem? FromFeed(FeedItem item, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(item);
        var bodySource = item.Content ?? item.Summary;
        var headline = item.Title;
        if (VisibleText.IsBlank(headline))
        {
            headline = FirstWords(bodySource is null ? "" : bodySource.IsHtml ? HtmlMarkdown.ToPlainText(bodySource.Value) : HtmlMarkdown.Collapse(bodySource.Value));
        }

        if (VisibleText.IsBlank(headline))
        {
            headline = item.Link;
        }

        if (VisibleText.IsBlank(headline))
        {
            reason = "an entry with no title, no text and no link";
            return null;
        }

        reason = null;
        headline = Truncate(headline, Article.MaxHeadlineLength);
        var url = item.Link is { Length: <= MaxUrl } ? item.Link : null;
        var externalId = item.Id is null ? null : item.Id.Length <= MaxExternalId ? item.Id : "sha256:" + Dedup.ContentHash.Of(item.Id, "");
        var hash = Dedup.ContentHash.Of(headline, (bodySource?.Value ?? "") + "\n" + (item.Content is null ? "" : item.Summary?.Value ?? "") + "\n" + item.Author);
        var title = headline;
        return new IncomingItem(title, externalId ?? url, url, hash, () => Build(item, title, url, externalId ?? url));
    }

    private static IncomingArticle Build(FeedItem item, string headline, string? url, string? externalId)
    {
        var bodySource = item.Content ?? item.Summary;
        var body = bodySource is null ? "" : bodySource.IsHtml ? HtmlMarkdown.Convert(bodySource.Value, item.BaseUri) : HtmlMarkdown.FromPlainText(bodySource.Value);

        string? standfirst = null;
        if (item.Content is not null && item.Summary is not null)
        {
            var summary = item.Summary.IsHtml ? HtmlMarkdown.ToPlainText(item.Summary.Value) : HtmlMarkdown.Collapse(item.Summary.Value);
            var bodyText = HtmlMarkdown.Collapse(body);
            // A summary that only repeats the start of the body is no standfirst.
            var probe = summary.Length > 60 ? summary[..60] : summary.TrimEnd('.', '…', ' ');
            if (probe.Length > 0 && !Unescaped(bodyText).StartsWith(probe, StringComparison.Ordinal))
            {
                standfirst = Truncate(summary, MaxStandfirst);
            }
        }

        var published = item.Published ?? item.Updated;
        return new IncomingArticle(
            Headline: headline,
            Standfirst: standfirst,
            Body: body,
            Byline: item.Author is null ? null : Truncate(item.Author, MaxByline),
            ImageCredit: null,
            OriginalUrl: url,
            ExternalId: externalId,
            PublishedAt: published,
            UpdatedAt: item.Updated is { } updated && updated != published ? updated : null);
    }

    /// <summary>A plain-text article file (the seed format) as an article; its identity within the source is its file name.</summary>
    public static IncomingArticle FromPlainText(ParsedArticle parsed, string externalId)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        return new IncomingArticle(
            Headline: Truncate(parsed.Headline, Article.MaxHeadlineLength),
            Standfirst: parsed.Standfirst is null ? null : Truncate(parsed.Standfirst, MaxStandfirst),
            Body: parsed.Body,
            Byline: parsed.Byline is null ? null : Truncate(parsed.Byline, MaxByline),
            ImageCredit: parsed.ImageCredit is null ? null : Truncate(parsed.ImageCredit, MaxByline),
            OriginalUrl: null,
            ExternalId: externalId.Length <= MaxExternalId ? externalId : externalId[^MaxExternalId..],
            PublishedAt: parsed.PublishedAt,
            UpdatedAt: parsed.UpdatedAt);
    }

    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]).TrimEnd() + "…";
    }

    private static string FirstWords(string text)
    {
        if (text.Length == 0)
        {
            return "";
        }

        var end = text.IndexOfAny(['.', '!', '?']);
        var sentence = end is > 20 and < 160 ? text[..(end + 1)] : text;
        return Truncate(sentence, 120);
    }

    private static string Unescaped(string markdown) => markdown.Replace("\\", "", StringComparison.Ordinal);
}
