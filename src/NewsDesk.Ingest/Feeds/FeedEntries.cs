using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsDesk.Ingest.Text;

namespace NewsDesk.Ingest.Feeds;

/// <summary>Reads RSS 0.9x/1.0/2.0 items and Atom 0.3/1.0 entries (already parsed into elements) into <see cref="FeedItem"/>s.</summary>
internal static partial class FeedEntries
{
    private static readonly string[] RssNamespaces = ["", FeedNames.Rss10, FeedNames.Rss090, "http://backend.userland.com/rss2", "http://backend.userland.com/rss"];
    private static readonly string[] AtomNamespaces = [FeedNames.Atom10, FeedNames.Atom03, ""];
    private static readonly string[] DcNamespaces = [FeedNames.DublinCore, FeedNames.DublinCore10];

    /// <summary>The format named by the root element, or a one-line reason why the document is not a feed.</summary>
    public static string FormatOf(XElement root)
    {
        var local = root.Name.LocalName;
        if (local.Equals("rss", StringComparison.OrdinalIgnoreCase))
        {
            var version = ((string?)root.Attribute("version"))?.Trim();
            return string.IsNullOrEmpty(version) ? "RSS" : "RSS " + version;
        }

        if (local.Equals("RDF", StringComparison.OrdinalIgnoreCase))
        {
            return "RSS 1.0";
        }

        if (local.Equals("channel", StringComparison.OrdinalIgnoreCase))
        {
            return "RSS";
        }

        if (local.Equals("feed", StringComparison.OrdinalIgnoreCase))
        {
            return root.Name.NamespaceName == FeedNames.Atom03 || (string?)root.Attribute("version") == "0.3" ? "Atom 0.3" : "Atom 1.0";
        }

        if (local.Equals("html", StringComparison.OrdinalIgnoreCase) || local.Equals("body", StringComparison.OrdinalIgnoreCase) || local.Equals("head", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException("an HTML page, not a feed");
        }

        throw new FeedFormatException($"not a feed: the document's root element is <{local}>");
    }

    public static void ReadMeta(FeedInfo info, XElement element, string? baseUri)
    {
        var local = element.Name.LocalName.ToLowerInvariant();
        var ns = element.Name.NamespaceName;
        var atom = info.Format.StartsWith("Atom", StringComparison.Ordinal);
        switch (local)
        {
            case "title" when info.Title is null && (atom ? AtomNamespaces : RssNamespaces).Contains(ns):
                var title = atom ? AtomText(element) : new FeedText(element.Value, true);
                info.Title = NullIfEmpty(title is null ? null : title.IsHtml ? HtmlMarkdown.ToPlainText(title.Value) : HtmlMarkdown.Collapse(title.Value));
                break;
            case "link" when info.Link is null:
                var href = atom || ns == FeedNames.Atom10 ? AlternateHref(element) : element.Value;
                info.Link = ResolveUrl(href, baseUri);
                break;
            case "author" when info.Author is null:
                info.Author = NullIfEmpty(atom ? AtomPerson(element) : RssAuthor(element.Value));
                break;
        }
    }

    public static FeedItem Read(XElement entry, FeedInfo info, string? baseUri)
    {
        var atom = info.Format.StartsWith("Atom", StringComparison.Ordinal) || entry.Name.LocalName.Equals("entry", StringComparison.OrdinalIgnoreCase);
        var entryBase = StrictFeedReader.BaseOf(entry, baseUri) ?? info.Link;
        return atom ? ReadAtom(entry, info, entryBase) : ReadRss(entry, info, entryBase);
    }

    private static FeedItem ReadRss(XElement item, FeedInfo info, string? baseUri)
    {
        var guidElement = Child(item, "guid", RssNamespaces);
        var guid = NullIfEmpty(guidElement?.Value.Trim());
        var about = NullIfEmpty(((string?)item.Attribute(XName.Get("about", FeedNames.Rdf)))?.Trim());
        var permaLink = guidElement is not null && !"false".Equals(((string?)guidElement.Attribute("isPermaLink"))?.Trim(), StringComparison.OrdinalIgnoreCase);

        var link = ResolveUrl(Child(item, "origLink", FeedNames.FeedBurner)?.Value, baseUri)
            ?? ResolveUrl(Children(item, "link", RssNamespaces).Select(l => l.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)), baseUri)
            ?? ResolveUrl(Children(item, "link", FeedNames.Atom10).Select(AlternateHref).FirstOrDefault(h => h is not null), baseUri)
            ?? (permaLink ? ResolveUrl(guid, null) : null)
            ?? ResolveUrl(about, null);

        var titleElement = Child(item, "title", RssNamespaces) ?? Child(item, "title", DcNamespaces);
        var title = titleElement is null ? null : NullIfEmpty(HtmlMarkdown.ToPlainText(HtmlOf(titleElement)));
        var description = Child(item, "description", RssNamespaces) ?? Child(item, "summary", FeedNames.Atom10) ?? Child(item, "description", DcNamespaces);
        var encoded = Child(item, "encoded", FeedNames.Content) ?? Child(item, "body", FeedNames.Xhtml);
        var author = RssAuthor(Child(item, "creator", DcNamespaces)?.Value)
            ?? RssAuthor(Child(item, "author", RssNamespaces)?.Value)
            ?? RssAuthor(Children(item, "author").FirstOrDefault()?.Value)
            ?? info.Author;

        var published = FeedDates.Parse(Child(item, "pubDate", RssNamespaces)?.Value)
            ?? FeedDates.Parse(Child(item, "date", DcNamespaces)?.Value)
            ?? FeedDates.Parse(Child(item, "published", FeedNames.Atom10)?.Value)
            ?? FeedDates.Parse(Child(item, "issued", FeedNames.DcTerms)?.Value);
        var updated = FeedDates.Parse(Child(item, "updated", FeedNames.Atom10)?.Value)
            ?? FeedDates.Parse(Child(item, "modified", FeedNames.DcTerms)?.Value);

        return new FeedItem(
            Id: guid ?? about,
            Link: link,
            Title: title,
            Summary: description is null ? null : Html(HtmlOf(description)),
            Content: encoded is null ? null : Html(HtmlOf(encoded)),
            Author: author,
            Published: published,
            Updated: updated,
            BaseUri: Absolute(baseUri));
    }

    private static FeedItem ReadAtom(XElement entry, FeedInfo info, string? baseUri)
    {
        var titleElement = Child(entry, "title", AtomNamespaces);
        var titleText = titleElement is null ? null : AtomText(titleElement);
        var title = titleText is null ? null : NullIfEmpty(titleText.IsHtml ? HtmlMarkdown.ToPlainText(titleText.Value) : HtmlMarkdown.Collapse(titleText.Value));
        var links = Children(entry, "link", AtomNamespaces).ToList();
        var alternate = links.FirstOrDefault(l => IsAlternate(l) && ((string?)l.Attribute("type"))?.Contains("html", StringComparison.OrdinalIgnoreCase) == true)
            ?? links.FirstOrDefault(IsAlternate);
        var link = ResolveUrl(Child(entry, "origLink", FeedNames.FeedBurner)?.Value, baseUri)
            ?? ResolveUrl(alternate is null ? null : (string?)alternate.Attribute("href"), StrictFeedReader.BaseOf(alternate ?? entry, baseUri));
        var id = NullIfEmpty(Child(entry, "id", AtomNamespaces)?.Value.Trim());
        link ??= ResolveUrl(id, null);

        var content = Child(entry, "content", AtomNamespaces);
        var summary = Child(entry, "summary", AtomNamespaces);
        var authorElement = Child(entry, "author", AtomNamespaces);
        var author = authorElement is null ? null : AtomPerson(authorElement);
        author ??= RssAuthor(Child(entry, "creator", DcNamespaces)?.Value) ?? info.Author;

        var published = FeedDates.Parse(Child(entry, "published", AtomNamespaces)?.Value)
            ?? FeedDates.Parse(Child(entry, "issued", AtomNamespaces)?.Value)
            ?? FeedDates.Parse(Child(entry, "created", AtomNamespaces)?.Value)
            ?? FeedDates.Parse(Child(entry, "date", DcNamespaces)?.Value);
        var updated = FeedDates.Parse(Child(entry, "updated", AtomNamespaces)?.Value)
            ?? FeedDates.Parse(Child(entry, "modified", AtomNamespaces)?.Value);

        var contentBase = Absolute(content is null ? baseUri : StrictFeedReader.BaseOf(content, baseUri));
        return new FeedItem(
            Id: id,
            Link: link,
            Title: title,
            Summary: summary is null ? null : AtomText(summary),
            Content: content is null || content.Attribute("src") is not null ? null : AtomText(content),
            Author: NullIfEmpty(author),
            Published: published,
            Updated: updated,
            BaseUri: contentBase ?? Absolute(baseUri));
    }

    private static bool IsAlternate(XElement link)
    {
        var rel = ((string?)link.Attribute("rel"))?.Trim();
        return string.IsNullOrEmpty(rel) || rel.Equals("alternate", StringComparison.OrdinalIgnoreCase);
    }

    private static string? AlternateHref(XElement link) => IsAlternate(link) ? NullIfEmpty((string?)link.Attribute("href")) : null;

    /// <summary>An Atom text construct (1.0 type=text|html|xhtml, 0.3 mode=escaped|xml|base64).</summary>
    private static FeedText? AtomText(XElement element)
    {
        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant() ?? "text";
        var mode = ((string?)element.Attribute("mode"))?.Trim().ToLowerInvariant();
        var html = type is "html" or "xhtml" || type.Contains("html", StringComparison.Ordinal);
        if (mode == "base64")
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(element.Value.Trim()));
                return new FeedText(decoded, html);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        if (element.HasElements || type is "xhtml" or "application/xhtml+xml" || mode == "xml")
        {
            var container = element.Elements().Count() == 1 && element.Elements().Single() is { } only && only.Name.LocalName.Equals("div", StringComparison.OrdinalIgnoreCase)
                ? only
                : element;
            return new FeedText(InnerXml(container), true);
        }

        return new FeedText(element.Value, html || mode == "escaped");
    }

    private static string? AtomPerson(XElement person)
    {
        var name = Children(person, "name").FirstOrDefault()?.Value;
        var email = Children(person, "email").FirstOrDefault()?.Value;
        var result = NullIfEmpty(HtmlMarkdown.Collapse(name ?? email ?? (person.HasElements ? "" : person.Value)));
        return result;
    }

    /// <summary>"jane@example.com (Jane Doe)" → "Jane Doe"; anything else as it is.</summary>
    private static string? RssAuthor(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = HtmlMarkdown.ToPlainText(value);
        var match = EmailWithName().Match(text);
        return NullIfEmpty(match.Success ? match.Groups["name"].Value.Trim() : text);
    }

    private static FeedText Html(string value) => new(value, true);

    /// <summary>The element's HTML: its text (escaped HTML or CDATA), or its markup when it holds elements (unescaped HTML, XHTML).</summary>
    private static string HtmlOf(XElement element) => element.HasElements ? InnerXml(element) : element.Value;

    private static string InnerXml(XElement element) =>
        string.Concat(element.Nodes().Select(n => n is XText t ? System.Net.WebUtility.HtmlEncode(t.Value) : n.ToString(SaveOptions.DisableFormatting)));

    private static XElement? Child(XElement parent, string local, params string[] namespaces) =>
        Children(parent, local, namespaces).FirstOrDefault();

    private static IEnumerable<XElement> Children(XElement parent, string local, params string[] namespaces) =>
        parent.Elements().Where(e => e.Name.LocalName.Equals(local, StringComparison.OrdinalIgnoreCase)
            && (namespaces.Length == 0 || namespaces.Contains(e.Name.NamespaceName)));

    public static string? ResolveUrl(string? href, string? baseUri) => Urls.Resolve(href, baseUri);

    private static Uri? Absolute(string? uri) => Uri.TryCreate(uri, UriKind.Absolute, out var result) && result.Scheme is "http" or "https" ? result : null;

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^\S+@\S+\s*\((?<name>[^)]+)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailWithName();
}
