using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace NewsDesk.Reading.Feeds;

/// <summary>Writes <see cref="FeedContent"/> as Atom 1.0 (RFC 4287) and JSON Feed 1.1.</summary>
public static class FeedWriter
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="baseUrl">"https://news.example" (no trailing slash).</param>
    /// <param name="selfPath">The feed's own path, "/regions/japan/feed.xml".</param>
    public static string Atom(FeedContent feed, string siteTitle, string baseUrl, string selfPath, string authority)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNs);
            xml.WriteAttributeString("xml", "lang", null, "en");
            xml.WriteElementString("title", AtomNs, Clean(feed.Title));
            if (feed.Description is not null)
            {
                xml.WriteElementString("subtitle", AtomNs, Clean(feed.Description));
            }

            Link(xml, "self", "application/atom+xml", baseUrl + selfPath);
            Link(xml, "alternate", "text/html", baseUrl + feed.Path);
            xml.WriteElementString("id", AtomNs, baseUrl + selfPath);
            xml.WriteElementString("updated", AtomNs, Rfc3339(feed.Items.Count == 0 ? DateTime.UnixEpoch : feed.Items.Max(i => i.Updated)));
            xml.WriteStartElement("author", AtomNs);
            xml.WriteElementString("name", AtomNs, Clean(siteTitle));
            xml.WriteElementString("uri", AtomNs, baseUrl + "/");
            xml.WriteEndElement();
            xml.WriteStartElement("generator", AtomNs);
            xml.WriteString("NewsDesk");
            xml.WriteEndElement();

            foreach (var item in feed.Items)
            {
                xml.WriteStartElement("entry", AtomNs);
                xml.WriteElementString("id", AtomNs, EntryId(authority, item));
                xml.WriteStartElement("title", AtomNs);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(Clean(item.Headline));
                xml.WriteEndElement();
                Link(xml, "alternate", "text/html", baseUrl + "/articles/" + item.Slug);
                xml.WriteElementString("published", AtomNs, Rfc3339(item.PublishedAt));
                xml.WriteElementString("updated", AtomNs, Rfc3339(item.Updated));
                foreach (var author in item.Authors)
                {
                    xml.WriteStartElement("author", AtomNs);
                    xml.WriteElementString("name", AtomNs, Clean(author.Name));
                    xml.WriteElementString("uri", AtomNs, baseUrl + "/authors/" + author.Slug);
                    xml.WriteEndElement();
                }

                foreach (var category in item.Categories)
                {
                    xml.WriteStartElement("category", AtomNs);
                    xml.WriteAttributeString("term", category.Slug);
                    xml.WriteAttributeString("label", Clean(category.Name));
                    xml.WriteAttributeString("scheme", baseUrl + category.Url[..(category.Url.LastIndexOf('/') + 1)]);
                    xml.WriteEndElement();
                }

                if (item.Standfirst is not null)
                {
                    xml.WriteStartElement("summary", AtomNs);
                    xml.WriteAttributeString("type", "text");
                    xml.WriteString(Clean(item.Standfirst));
                    xml.WriteEndElement();
                }

                xml.WriteStartElement("content", AtomNs);
                xml.WriteAttributeString("type", "html");
                xml.WriteString(Clean(item.ContentHtml));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    public static string Json(FeedContent feed, string baseUrl, string selfPath, string authority)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var document = new Dictionary<string, object?>
        {
            ["version"] = "https://jsonfeed.org/version/1.1",
            ["title"] = feed.Title,
            ["home_page_url"] = baseUrl + feed.Path,
            ["feed_url"] = baseUrl + selfPath,
            ["description"] = feed.Description,
            ["language"] = "en",
            ["items"] = feed.Items.Select(item => new Dictionary<string, object?>
            {
                ["id"] = EntryId(authority, item),
                ["url"] = baseUrl + "/articles/" + item.Slug,
                ["title"] = item.Headline,
                ["summary"] = item.Standfirst,
                ["content_html"] = item.ContentHtml,
                ["date_published"] = Rfc3339(item.PublishedAt),
                ["date_modified"] = Rfc3339(item.Updated),
                ["authors"] = item.Authors.Count == 0 ? null : item.Authors.Select(a => new Dictionary<string, string> { ["name"] = a.Name, ["url"] = baseUrl + "/authors/" + a.Slug }).ToList(),
                ["tags"] = item.Categories.Count == 0 ? null : item.Categories.Select(c => c.Name).ToList(),
            }.Where(p => p.Value is not null).ToDictionary()).ToList(),
        };
        return JsonSerializer.Serialize(document.Where(p => p.Value is not null).ToDictionary(), Indented);
    }

    /// <summary>A tag: URI (RFC 4151) from the article's id and creation date, so renaming a story never re-announces it.</summary>
    public static string EntryId(string authority, FeedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.Create(CultureInfo.InvariantCulture, $"tag:{authority},{item.CreatedAt:yyyy-MM-dd}:article:{item.Id}");
    }

    /// <summary>Drops characters XML 1.0 cannot carry (stray control characters in ingested text).</summary>
    internal static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair || XmlConvert.IsXmlChar(text[i]))
            {
                clean?.Append(text, i, pair ? 2 : 1);
            }
            else
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
            }

            i += pair ? 1 : 0;
        }

        return clean?.ToString() ?? text;
    }

    private static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", AtomNs);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
