using System.Xml;
using System.Xml.Linq;

namespace NewsDesk.Ingest.Feeds;

/// <summary>
/// Streams a well-formed feed with <see cref="XmlReader"/>: one entry in memory at a time. DTDs are ignored and
/// no resolver is set, so no entity is expanded and nothing outside the document is read.
/// </summary>
internal static class StrictFeedReader
{
    public const int MaxDepth = 256;

    private static readonly XName XmlBase = XNamespace.Xml + "base";

    public static XmlReaderSettings Settings(long maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        MaxCharactersInDocument = maxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    public static IEnumerable<FeedNode> Read(TextReader text, long maxCharacters, CancellationToken cancellationToken)
    {
        using var reader = XmlReader.Create(text, Settings(maxCharacters));
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element)
        {
            yield break;
        }

        var rootBase = reader.GetAttribute("base", XNamespace.Xml.NamespaceName);
        var root = StartElement(reader);
        yield return new FeedNode(FeedNodeKind.Root, root, rootBase);
        if (reader.IsEmptyElement)
        {
            yield break;
        }

        // Depth 1: children of the root; depth 2: children of an RSS channel.
        string? channelBase = null;
        var inChannel = false;
        reader.Read();
        while (!reader.EOF)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 1 && inChannel)
            {
                inChannel = false;
                reader.Read();
                continue;
            }

            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var local = reader.LocalName;
            var depth = reader.Depth;
            var baseUri = Combine(rootBase, inChannel ? channelBase : null);
            if (FeedNames.IsEntry(local) && depth <= 2)
            {
                var entry = ReadElement(reader);
                yield return new FeedNode(FeedNodeKind.Entry, entry, baseUri);
            }
            else if (depth == 1 && FeedNames.IsChannel(local) && !reader.IsEmptyElement)
            {
                inChannel = true;
                channelBase = reader.GetAttribute("base", XNamespace.Xml.NamespaceName);
                reader.Read();
            }
            else if ((depth == 1 || (depth == 2 && inChannel)) && FeedNames.IsMeta(local))
            {
                var meta = ReadElement(reader);
                yield return new FeedNode(FeedNodeKind.Meta, meta, baseUri);
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>
    /// The element at the reader as an <see cref="XElement"/>, built without recursion and keeping white space
    /// (XNode.ReadFrom drops the spaces between inline XHTML elements). Nesting is bounded: deeper input is refused.
    /// </summary>
    private static XElement ReadElement(XmlReader reader)
    {
        var startDepth = reader.Depth;
        var root = StartElement(reader);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return root;
        }

        var current = root;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth - startDepth > MaxDepth)
                    {
                        throw new FeedFormatException($"elements nest more than {MaxDepth} deep");
                    }

                    var element = StartElement(reader);
                    current.Add(element);
                    if (!reader.IsEmptyElement)
                    {
                        current = element;
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (current == root)
                    {
                        reader.Read();
                        return root;
                    }

                    current = current.Parent!;
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                    current.Add(new XText(reader.Value));
                    break;
            }
        }

        throw new XmlException("unexpected end of the document inside an element");
    }

    private static XElement StartElement(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns")
                {
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                }
            }
            while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }

        return element;
    }

    /// <summary>An inner xml:base resolved against an outer one (either may be missing or relative).</summary>
    public static string? Combine(string? outer, string? inner)
    {
        if (string.IsNullOrWhiteSpace(inner))
        {
            return outer;
        }

        if (string.IsNullOrWhiteSpace(outer))
        {
            return inner;
        }

        return Uri.TryCreate(outer, UriKind.Absolute, out var o) && Uri.TryCreate(o, inner, out var combined) ? combined.ToString() : inner;
    }

    /// <summary>The xml:base in effect at <paramref name="element"/>, walking up to the entry and then the given outer base.</summary>
    public static string? BaseOf(XElement element, string? outer)
    {
        var chain = new Stack<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            var value = (string?)e.Attribute(XmlBase);
            if (!string.IsNullOrWhiteSpace(value))
            {
                chain.Push(value);
            }
        }

        var result = outer;
        while (chain.Count > 0)
        {
            result = Combine(result, chain.Pop());
        }

        return result;
    }
}
