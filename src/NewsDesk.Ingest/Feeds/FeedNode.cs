using System.Xml.Linq;

namespace NewsDesk.Ingest.Feeds;

/// <summary>What the XML readers report: the root, feed-level metadata elements and whole entries.</summary>
internal readonly record struct FeedNode(FeedNodeKind Kind, XElement Element, string? BaseUri);

internal enum FeedNodeKind
{
    /// <summary>The root element, without children: its name says the format, its attributes the version and base.</summary>
    Root,
    /// <summary>A metadata child of the channel or feed (title, link, author, …).</summary>
    Meta,
    /// <summary>An RSS item or Atom entry, complete.</summary>
    Entry,
}

internal static class FeedNames
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string DublinCore10 = "http://purl.org/dc/elements/1.0/";
    public const string DcTerms = "http://purl.org/dc/terms/";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string FeedBurner = "http://rssnamespace.org/feedburner/ext/1.0";

    /// <summary>Prefixes feeds often use without declaring them; the lenient reader assumes these.</summary>
    public static readonly IReadOnlyDictionary<string, string> WellKnownPrefixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["content"] = Content,
        ["dc"] = DublinCore,
        ["dcterms"] = DcTerms,
        ["atom"] = Atom10,
        ["rdf"] = Rdf,
        ["feedburner"] = FeedBurner,
        ["media"] = "http://search.yahoo.com/mrss/",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
    };

    public static bool IsEntry(string localName) =>
        localName.Equals("item", StringComparison.OrdinalIgnoreCase) || localName.Equals("entry", StringComparison.OrdinalIgnoreCase);

    public static bool IsChannel(string localName) => localName.Equals("channel", StringComparison.OrdinalIgnoreCase);

    /// <summary>Feed-level elements worth keeping (title for the source name, link as a base, author for Atom entries).</summary>
    public static bool IsMeta(string localName) =>
        localName.ToLowerInvariant() is "title" or "link" or "author" or "description" or "subtitle" or "tagline" or "id";
}
