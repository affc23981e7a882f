using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace NewsDesk.IntegrationTests.Reading;

public sealed class FeedTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private async Task<XDocument> AtomAsync(string url)
    {
        using var response = await app.CreateClient().GetResponseAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_site_feed_is_Atom_with_the_latest_published_stories_in_order()
    {
        var feed = await AtomAsync("/feed.xml");

        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.Equal("Japan scrambles jets as Chinese bombers near Okinawa", entries[0].Element(Atom + "title")!.Value);
        Assert.Equal(7, entries.Count);
        Assert.DoesNotContain(entries, e => e.Element(Atom + "title")!.Value.Contains("Draft", StringComparison.Ordinal) || e.Element(Atom + "title")!.Value.Contains("Scheduled", StringComparison.Ordinal));
        Assert.Equal("http://localhost/feed.xml", feed.Root.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        var first = entries[0];
        Assert.StartsWith("tag:localhost,", first.Element(Atom + "id")!.Value, StringComparison.Ordinal);
        Assert.Equal("http://localhost/articles/japan-scrambles-jets-as-chinese-bombers-near-okinawa", first.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Equal("Aiko Tanaka", first.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Contains("<strong>H-6</strong>", first.Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Contains(first.Elements(Atom + "category"), c => c.Attribute("label")!.Value == "Japan");
        Assert.True(DateTimeOffset.TryParse(first.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture, out _));
    }

    [Fact]
    public async Task Region_topic_and_tag_feeds_carry_only_their_stories()
    {
        var region = await AtomAsync("/regions/south-china-sea/feed.xml");
        Assert.Equal(["Coast guard vessels collide near Second Thomas Shoal", "Navies hold joint drill in the South China Sea"], region.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));

        var topic = await AtomAsync("/topics/cyber-security/feed.xml");
        Assert.Equal(["Ransomware hits Tokyo port operator", "Vietnam and Japan sign cyber defence pact", ReadingApp.SeedHeadline], topic.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));

        var world = await AtomAsync("/regions/world/feed.xml");
        Assert.Equal(7, world.Root!.Elements(Atom + "entry").Count());

        var tag = await AtomAsync("/tags/h-6-bomber/feed.xml");
        Assert.Equal("NewsDesk: H-6 bomber", tag.Root!.Element(Atom + "title")!.Value);
        Assert.Single(tag.Root.Elements(Atom + "entry"));
    }

    [Fact]
    public async Task The_JSON_feed_is_version_1_1_with_full_items()
    {
        using var response = await app.CreateClient().GetResponseAsync("/feed.json");
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var root = json.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("http://localhost/feed.json", root.GetProperty("feed_url").GetString());
        var item = root.GetProperty("items")[0];
        Assert.Equal("Japan scrambles jets as Chinese bombers near Okinawa", item.GetProperty("title").GetString());
        Assert.StartsWith("<p>", item.GetProperty("content_html").GetString(), StringComparison.Ordinal);
        Assert.Equal("Aiko Tanaka", item.GetProperty("authors")[0].GetProperty("name").GetString());
        Assert.Equal(7, root.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Unknown_feeds_are_not_found_and_merged_regions_redirect()
    {
        await app.WriteAsync(async db =>
        {
            // Not "west-philippine-sea": the built-in taxonomy has that alias as a redirect already.
            db.Regions.Add(new NewsDesk.Core.Taxonomy.Region("south-china-sea-merged", "South China Sea (merged)", NewsDesk.Core.Taxonomy.RegionKind.Theatre) { MergedIntoId = app.Sample.SouthChinaSea.Id });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var client = app.NoRedirects();

        using var unknown = await client.GetResponseAsync("/regions/atlantis/feed.xml");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var moved = await client.GetResponseAsync("/regions/south-china-sea-merged/feed.json");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/regions/south-china-sea/feed.json", moved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Control_characters_in_a_story_do_not_break_the_feed()
    {
        using var messy = new ReadingApp();
        await messy.InitializeAsync();
        await messy.WriteAsync(async db =>
        {
            var story = await db.Articles.FindAsync([messy.Sample.Stories["kishi"].Id], TestContext.Current.CancellationToken);
            story!.Headline = "Bombers\u0001 near Okinawa\u000b";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        using var response = await messy.CreateClient().GetResponseAsync("/feed.xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Bombers near Okinawa", feed.Root!.Element(Atom + "entry")!.Element(Atom + "title")!.Value);
    }
}
