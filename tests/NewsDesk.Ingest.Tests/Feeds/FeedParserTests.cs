using System.Text;
using NewsDesk.Ingest.Feeds;

namespace NewsDesk.Ingest.Tests.Feeds;

public sealed class FeedParserTests
{
    [Fact]
    public void Rss2_items_map_title_link_guid_author_dates_and_html()
    {
        var (feed, items) = Read("""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel><title>Wire &amp; Co</title><link>https://wire.example.com/</link>
                <item>
                  <title>Coast guard &lt;b&gt;incursion&lt;/b&gt;</title>
                  <link>/news/1</link>
                  <guid isPermaLink="false">wire-1</guid>
                  <description>Short &lt;i&gt;summary&lt;/i&gt;.</description>
                  <content:encoded><![CDATA[<p>Full <b>text</b>.</p>]]></content:encoded>
                  <dc:creator>Jane Doe</dc:creator>
                  <pubDate>Tue, 02 Jan 2024 10:00:00 EST</pubDate>
                </item>
              </channel>
            </rss>
            """);

        Assert.Equal("RSS 2.0", feed.Info.Format);
        Assert.Equal("Wire & Co", feed.Info.Title);
        var item = Assert.Single(items);
        Assert.Equal("Coast guard incursion", item.Title);
        Assert.Equal("https://wire.example.com/news/1", item.Link);
        Assert.Equal("wire-1", item.Id);
        Assert.Equal("Jane Doe", item.Author);
        Assert.Equal(new DateTime(2024, 1, 2, 15, 0, 0, DateTimeKind.Utc), item.Published);
        Assert.Equal("<p>Full <b>text</b>.</p>", item.Content!.Value);
        Assert.Equal("Short <i>summary</i>.", item.Summary!.Value);
    }

    [Fact]
    public void Rss091_with_a_doctype_and_html_entities_is_read_and_the_dtd_ignored()
    {
        var (feed, items) = Read("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Caf&eacute; news</title><link>http://old.example.com/</link>
            <item><title>Bomber flights &mdash; again</title><link>http://old.example.com/a</link><description>A&nbsp;B &copy; 1999</description></item>
            </channel></rss>
            """);

        Assert.Equal("RSS 0.91", feed.Info.Format);
        Assert.Equal("Café news", feed.Info.Title);
        var item = Assert.Single(items);
        Assert.Equal("Bomber flights — again", item.Title);
        Assert.Equal("A\u00A0B © 1999", item.Summary!.Value);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Rss10_rdf_items_sit_beside_the_channel()
    {
        var (feed, items) = Read("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="http://rdf.example.com/"><title>RDF Site</title><link>http://rdf.example.com/</link></channel>
              <item rdf:about="http://rdf.example.com/1"><title>One</title><link>http://rdf.example.com/1</link><dc:date>2003-12-13T18:30:02+01:00</dc:date></item>
              <item rdf:about="http://rdf.example.com/2"><title>Two</title><link>http://rdf.example.com/2</link></item>
            </rdf:RDF>
            """);

        Assert.Equal("RSS 1.0", feed.Info.Format);
        Assert.Equal("RDF Site", feed.Info.Title);
        Assert.Equal(["One", "Two"], items.Select(i => i.Title));
        Assert.Equal("http://rdf.example.com/1", items[0].Id);
        Assert.Equal(new DateTime(2003, 12, 13, 17, 30, 2, DateTimeKind.Utc), items[0].Published);
    }

    [Fact]
    public void Rss090_is_read_like_rss10()
    {
        var (_, items) = Read("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Mozilla Dot Org</title><link>http://www.mozilla.org</link></channel>
              <item><title>New Status Updates</title><link>http://www.mozilla.org/status/</link></item>
            </rdf:RDF>
            """);

        Assert.Equal("http://www.mozilla.org/status/", Assert.Single(items).Link);
    }

    [Fact]
    public void Atom10_resolves_xml_base_and_reads_xhtml_content()
    {
        var (feed, items) = Read("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.org/blog/">
              <title type="html">Atom &lt;em&gt;Blog&lt;/em&gt;</title>
              <author><name>Feed Author</name></author>
              <entry>
                <id>tag:example.org,2024:1</id><title type="text">Less &lt; more</title>
                <link rel="alternate" type="text/html" href="posts/1"/><link rel="edit" href="/edit/1"/>
                <published>2024-05-01T12:00:00+02:00</published><updated>2024-05-02T12:00:00Z</updated>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello <b>world</b> <a href="../x">rel</a></p></div></content>
              </entry>
            </feed>
            """);

        Assert.Equal("Atom 1.0", feed.Info.Format);
        Assert.Equal("Atom Blog", feed.Info.Title);
        var item = Assert.Single(items);
        Assert.Equal("Less < more", item.Title);
        Assert.Equal("https://atom.example.org/blog/posts/1", item.Link);
        Assert.Equal("Feed Author", item.Author);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), item.Published);
        Assert.Equal(new DateTime(2024, 5, 2, 12, 0, 0, DateTimeKind.Utc), item.Updated);
        Assert.True(item.Content!.IsHtml);
        Assert.Contains("Hello <b", item.Content.Value, StringComparison.Ordinal);
        Assert.Equal("https://atom.example.org/blog/", item.BaseUri!.AbsoluteUri);
    }

    [Fact]
    public void Atom03_escaped_and_base64_content_are_decoded()
    {
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("<p>from base64</p>"));
        var (feed, items) = Read($"""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Old Atom</title>
              <entry><title>A</title><link rel="alternate" type="text/html" href="http://a03.example.com/a"/><id>urn:a</id>
                <issued>2004-01-01T00:00:00Z</issued><modified>2004-01-02T00:00:00Z</modified>
                <content type="text/html" mode="escaped">&lt;p&gt;Escaped&lt;/p&gt;</content></entry>
              <entry><title>B</title><id>urn:b</id><content type="text/html" mode="base64">{base64}</content></entry>
            </feed>
            """);

        Assert.Equal("Atom 0.3", feed.Info.Format);
        Assert.Equal("<p>Escaped</p>", items[0].Content!.Value);
        Assert.Equal(new DateTime(2004, 1, 1, 0, 0, 0, DateTimeKind.Utc), items[0].Published);
        Assert.Equal("<p>from base64</p>", items[1].Content!.Value);
    }

    [Fact]
    public void Ill_formed_xml_is_read_leniently_without_losing_or_repeating_items()
    {
        var (feed, items) = Read("""
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>First</title><link>https://e.example/1</link><description>fine</description></item>
            <item><title>A & B <i>unclosed</title><link>https://e.example/2</link><description><p>Raw html<br>kept</description></item>
            <item><title>Third</title><link>https://e.example/3</link><content:encoded>undeclared prefix</content:encoded></item>
            </channel></rss>
            """);

        Assert.Equal(["First", "A & B unclosed", "Third"], items.Select(i => i.Title));
        Assert.Contains("Raw html", items[1].Summary!.Value, StringComparison.Ordinal);
        Assert.Equal("undeclared prefix", items[2].Content!.Value);
        Assert.Contains(feed.Warnings, w => w.StartsWith("not well-formed XML", StringComparison.Ordinal));
        Assert.Empty(feed.Problems);
    }

    [Fact]
    public void A_truncated_feed_keeps_its_complete_items_and_says_what_was_lost()
    {
        var (feed, items) = Read("""<rss version="2.0"><channel><title>T</title><item><title>One</title><link>https://e.example/1</link></item><item><title>Two</title><description>cut he""");

        Assert.Equal("One", Assert.Single(items).Title);
        Assert.Contains(feed.Problems, p => p.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void An_xml_declaration_of_version_1_1_and_junk_before_it_do_not_stop_the_read()
    {
        var (_, items) = Read("\n\n  \uFEFF<?xml version=\"1.1\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><item><title>Ok</title></item></channel></rss>");

        Assert.Equal("Ok", Assert.Single(items).Title);
    }

    [Fact]
    public void Markup_printed_before_the_feed_does_not_hide_it()
    {
        var (feed, items) = Read("<br />\n<b>Warning</b>: Undefined variable in <b>/var/www/feed.php</b> on line <b>3</b><br />\n<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>P</title><item><title>After junk</title></item></channel></rss>");

        Assert.Equal("After junk", Assert.Single(items).Title);
        Assert.Equal("P", feed.Info.Title);
    }

    [Fact]
    public void Control_characters_and_bad_numeric_references_are_dropped()
    {
        var (_, items) = Read("<rss><channel><item><title>A\u0001B&#0;C&#x1F;D &#150; E</title></item></channel></rss>");

        Assert.Equal("ABCD – E", Assert.Single(items).Title);
    }

    [Fact]
    public void Billion_laughs_is_refused_without_expanding_anything()
    {
        var laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            ]>
            <rss version="2.0"><channel><item><title>&lol9;</title></item></channel></rss>
            """;

        var error = Assert.Throws<FeedFormatException>(() => Read(laughs));
        Assert.Contains("declares entities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_external_entity_pointing_at_a_local_file_is_refused_and_never_read()
    {
        using var directory = new TestSupport.TempDirectory();
        var secret = directory.Write("secret.txt", "TOP-SECRET-CONTENT");
        var xxe = $"""
            <?xml version="1.0"?>
            <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file://{secret}">]>
            <rss version="2.0"><channel><item><title>Leak</title><description>&xxe;</description></item></channel></rss>
            """;

        var error = Assert.Throws<FeedFormatException>(() => Read(xxe));
        Assert.DoesNotContain("TOP-SECRET", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>x</title></head><body><p>hi</p></body></html>", "an HTML page, not a feed")]
    [InlineData("<html><body><p>unclosed <b>tags", "an HTML page, not a feed")]
    [InlineData("<?xml version=\"1.0\"?><urlset><url><loc>https://e.example/</loc></url></urlset>", "not a feed: the document's root element is <urlset>")]
    public void Documents_that_are_not_feeds_are_refused_by_name(string document, string reason)
    {
        var error = Assert.Throws<FeedFormatException>(() => Read(document));
        Assert.Equal(reason, error.Message);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_refused_not_recursed_into()
    {
        var deep = "<rss><channel><item><title>x</title><description>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + "</description></item></channel></rss>";

        var error = Assert.Throws<FeedFormatException>(() => Read(deep));
        Assert.Equal("elements nest more than 256 deep", error.Message);
    }

    [Fact]
    public void The_lenient_reader_caps_nesting_and_still_finds_the_items()
    {
        // The mismatched <b> sends the read to the lenient reader before the depth is reached.
        var deep = "<rss><channel><item><title>x <b>y</title></item><item><title>z</title><description>" + string.Concat(Enumerable.Repeat("<p>", 100_000)) + "</description></item></channel></rss>";

        var (_, items) = Read(deep);

        Assert.Equal(["x y", "z"], items.Select(i => i.Title));
    }

    [Fact]
    public async Task Json_feed_items_are_read_with_numeric_ids_and_both_author_forms()
    {
        var json = """
            {"version":"https://jsonfeed.org/version/1","title":"JSON Site","home_page_url":"https://json.example.com/","author":{"name":"Site Author"},
             "items":[{"id":1,"url":"/p/1","title":"J1","content_html":"<p>json html</p>","summary":"sum","date_published":"2024-02-02T00:00:00Z"},
                      {"id":"2","content_text":"text only","authors":[{"name":"A"},{"name":"B"}],"date_modified":"2024-02-03T00:00:00+01:00"}]}
            """;
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var feed = await JsonFeedReader.ReadAsync(stream, null, TestContext.Current.CancellationToken);
        var items = feed.Items.ToList();

        Assert.Equal("JSON Feed 1.0", feed.Info.Format);
        Assert.Equal("JSON Site", feed.Info.Title);
        Assert.Equal("1", items[0].Id);
        Assert.Equal("https://json.example.com/p/1", items[0].Link);
        Assert.Equal("Site Author", items[0].Author);
        Assert.Equal("A, B", items[1].Author);
        Assert.False(items[1].Content!.IsHtml);
        Assert.Equal(new DateTime(2024, 2, 2, 23, 0, 0, DateTimeKind.Utc), items[1].Updated);
    }

    [Fact]
    public async Task Json_that_is_not_a_json_feed_is_refused()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("""{"hello":"world"}"""));

        var error = await Assert.ThrowsAsync<FeedFormatException>(() => JsonFeedReader.ReadAsync(stream, null, TestContext.Current.CancellationToken));
        Assert.Contains("not a JSON Feed", error.Message, StringComparison.Ordinal);
    }

    internal static (ParsedFeed Feed, List<FeedItem> Items) Read(string xml)
    {
        var feed = FeedParser.ReadXml(() => new StringReader(xml), null, 100_000_000, TestContext.Current.CancellationToken);
        return (feed, feed.Items.ToList());
    }
}
