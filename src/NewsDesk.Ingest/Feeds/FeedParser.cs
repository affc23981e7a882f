using System.Globalization;
using System.Xml;

namespace NewsDesk.Ingest.Feeds;

/// <summary>
/// A feed read lazily: <see cref="Items"/> streams entries while <see cref="Info"/> fills in. Problems that do not
/// stop the read (not well-formed, truncated, an unreadable entry) are collected in <see cref="Problems"/> as one-line reasons.
/// </summary>
public sealed class ParsedFeed
{
    internal ParsedFeed(FeedInfo info, Func<ParsedFeed, IEnumerable<FeedItem>> items)
    {
        Info = info;
        Items = items(this);
    }

    public FeedInfo Info { get; }

    public IEnumerable<FeedItem> Items { get; }

    /// <summary>What was lost: entries left out, with why.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>What was worked around without loss (a feed that was not well-formed but read leniently).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Why the XML was not well-formed, when it was read leniently because of that.</summary>
    public string? XmlError { get; set; }
}

/// <summary>
/// Reads RSS, Atom and JSON feeds. XML is read strictly first (streaming, after the repair filter); if it is not
/// well-formed, it is read again leniently from the start, and the entries already delivered are not repeated.
/// </summary>
public static class FeedParser
{
    /// <param name="open">Opens the document from its start, decoded; called a second time for a lenient re-read.</param>
    /// <param name="documentUri">Where the document came from, the base for relative links.</param>
    public static ParsedFeed ReadXml(Func<TextReader> open, Uri? documentUri, long maxCharacters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        var info = new FeedInfo();
        return new ParsedFeed(info, feed => XmlItems(feed, open, documentUri?.AbsoluteUri, maxCharacters, cancellationToken));
    }

    private static IEnumerable<FeedItem> XmlItems(ParsedFeed feed, Func<TextReader> open, string? documentUri, long maxCharacters, CancellationToken cancellationToken)
    {
        var strictKeys = new List<string>();
        Exception? failure = null;
        var repair = new XmlRepairReader(open());
        using (var nodes = StrictFeedReader.Read(repair, maxCharacters, cancellationToken).GetEnumerator())
        {
            while (true)
            {
                try
                {
                    if (!nodes.MoveNext())
                    {
                        break;
                    }
                }
                catch (XmlException ex)
                {
                    failure = ex;
                    break;
                }

                FeedItem? item;
                try
                {
                    item = Handle(feed, nodes.Current, repair, documentUri);
                }
                catch (NotAFeedException ex) when (strictKeys.Count == 0)
                {
                    // Junk before the feed (a PHP warning, a wrapper element) makes the first element something else.
                    failure = ex;
                    break;
                }

                if (item is not null)
                {
                    strictKeys.Add(Key(item));
                    yield return item;
                }
            }
        }

        if (failure is null)
        {
            if (feed.Info.Format.Length == 0)
            {
                throw new FeedFormatException("no XML element found");
            }

            yield break;
        }

        var notAFeed = failure as NotAFeedException;
        feed.XmlError = failure is XmlException bad
            ? string.Create(CultureInfo.InvariantCulture, $"not well-formed XML (line {bad.LineNumber}, column {bad.LinePosition}: {OneLine(bad.Message)})")
            : null;
        feed.Warnings.Add(failure is XmlException xml
            ? string.Create(CultureInfo.InvariantCulture, $"not well-formed XML (line {xml.LineNumber}, column {xml.LinePosition}: {OneLine(xml.Message)}); read leniently")
            : "the document does not start with the feed; looking for it further in");
        var truncated = false;
        var lenientRepair = new XmlRepairReader(open());
        var index = 0;
        var skipping = true;
        feed.Info.Format = notAFeed is null ? feed.Info.Format : "";
        foreach (var node in LenientFeedReader.Read(lenientRepair, () => truncated = true, cancellationToken, seekFeedRoot: true))
        {
            var item = Handle(feed, node, lenientRepair, documentUri);
            if (item is null)
            {
                continue;
            }

            // The well-formed prefix gave these already.
            if (skipping && index < strictKeys.Count && strictKeys[index] == Key(item))
            {
                index++;
                continue;
            }

            skipping = false;
            yield return item;
        }

        if (feed.Info.Format.Length == 0)
        {
            throw notAFeed is not null ? new FeedFormatException(notAFeed.Message) : new FeedFormatException("not a feed: no feed element found");
        }

        if (truncated)
        {
            feed.Problems.Add("the document is truncated: it ends inside an entry, which was left out");
        }
    }

    private static FeedItem? Handle(ParsedFeed feed, FeedNode node, XmlRepairReader repair, string? documentUri)
    {
        switch (node.Kind)
        {
            case FeedNodeKind.Root:
                if (repair.DeclaresEntities)
                {
                    throw new FeedFormatException("refused: the document declares entities in a DTD (entity expansion and external entities are never processed)");
                }

                if (feed.Info.Format.Length == 0)
                {
                    try
                    {
                        feed.Info.Format = FeedEntries.FormatOf(node.Element);
                    }
                    catch (FeedFormatException ex)
                    {
                        throw new NotAFeedException(ex.Message);
                    }
                }

                return null;
            case FeedNodeKind.Meta:
                FeedEntries.ReadMeta(feed.Info, node.Element, StrictFeedReader.Combine(documentUri, node.BaseUri));
                return null;
            default:
                try
                {
                    return FeedEntries.Read(node.Element, feed.Info, StrictFeedReader.Combine(documentUri, node.BaseUri));
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or XmlException or InvalidOperationException or UriFormatException)
                {
                    feed.Problems.Add("an entry could not be read: " + OneLine(ex.Message));
                    return null;
                }
        }
    }

    private static string Key(FeedItem item) => item.Id ?? item.Link ?? (item.Title + "|" + item.Published?.ToString("O", CultureInfo.InvariantCulture));

    internal static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}

/// <summary>The root element is not a feed's; the lenient reader may still find one further in.</summary>
internal sealed class NotAFeedException(string message) : Exception(message);
