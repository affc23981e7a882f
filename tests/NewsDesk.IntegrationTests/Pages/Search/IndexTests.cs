using System.Net;
using NewsDesk.IntegrationTests.Reading;

namespace NewsDesk.IntegrationTests.Pages.Search;

public sealed class IndexTests(ReadingApp app) : IClassFixture<ReadingApp>
{
    [Fact]
    public async Task A_headline_match_ranks_above_a_body_match_and_matches_are_marked()
    {
        var page = await app.CreateClient().GetDocumentAsync("/search?q=cyber");

        var headlines = page.Texts(".search-results h3 a").ToList();
        Assert.Equal("Vietnam and Japan sign cyber defence pact", headlines[0]);
        Assert.DoesNotContain("Draft about a secret cyber operation", headlines);
        Assert.DoesNotContain("Scheduled report on cyber readiness", headlines);
        Assert.Equal("cyber", page.QuerySelector(".search-results h3 mark")!.TextContent);
        Assert.Contains(page.QuerySelectorAll(".search-results .snippet mark"), m => m.TextContent.Equals("cyber", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("noindex, follow", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Stemming_phrases_exclusions_and_prefixes_work()
    {
        var client = app.CreateClient();

        Assert.Contains("Japan scrambles jets as Chinese bombers near Okinawa", (await client.GetDocumentAsync("/search?q=bomber")).Texts(".search-results h3 a"));
        Assert.Equal(["Coast guard vessels collide near Second Thomas Shoal"], (await client.GetDocumentAsync("/search?q=%22supply+boat%22")).Texts(".search-results h3 a"));
        Assert.DoesNotContain("Vietnam and Japan sign cyber defence pact", (await client.GetDocumentAsync("/search?q=cyber+-vietnam")).Texts(".search-results h3 a"));
        Assert.Contains("Ransomware hits Tokyo port operator", (await client.GetDocumentAsync("/search?q=ransom*")).Texts(".search-results h3 a"));
        Assert.Equal(2, (await client.GetDocumentAsync("/search?q=ransomware+OR+collision")).QuerySelectorAll(".search-results li").Length);
    }

    [Fact]
    public async Task The_region_filter_includes_descendants_and_the_topic_and_date_filters_narrow()
    {
        var client = app.CreateClient();

        // The Tokyo story (filed under Tokyo, below Japan) ranks first; the Japan story and the seed story (filed under
        // Japan) mention Tokyo in their bodies, the long seed story less densely.
        Assert.Equal(["Ransomware hits Tokyo port operator", "Japan scrambles jets as Chinese bombers near Okinawa", ReadingApp.SeedHeadline], (await client.GetDocumentAsync("/search?q=tokyo&region=japan")).Texts(".search-results h3 a"));
        Assert.Equal(["Ransomware hits Tokyo port operator"], (await client.GetDocumentAsync("/search?q=tokyo&region=tokyo")).Texts(".search-results h3 a"));
        // Of the stories mentioning Tokyo only the seed story (filed under Vietnam too) is in South-eastern Asia.
        Assert.Equal([ReadingApp.SeedHeadline], (await client.GetDocumentAsync("/search?q=tokyo&region=south-eastern-asia")).Texts(".search-results h3 a"));
        Assert.Equal(["Ransomware hits Tokyo port operator", "Vietnam and Japan sign cyber defence pact"], (await client.GetDocumentAsync("/search?q=attacks&topic=cyber-security&sort=newest")).Texts(".search-results h3 a"));
        Assert.Equal(["Navies hold joint drill in the South China Sea"], (await client.GetDocumentAsync($"/search?q=south+china+sea&from={DateTime.UtcNow.AddDays(-500):yyyy-MM-dd}&to={DateTime.UtcNow.AddDays(-100):yyyy-MM-dd}")).Texts(".search-results h3 a"));
        Assert.Equal(["Coast guard vessels collide near Second Thomas Shoal"], (await client.GetDocumentAsync("/search?q=south+china+sea&within=week")).Texts(".search-results h3 a"));
    }

    [Fact]
    public async Task The_filters_offer_the_regions_and_topics_that_have_stories_grouped_by_kind()
    {
        var page = await app.CreateClient().GetDocumentAsync("/search?q=cyber&region=mongolia");

        var groups = page.QuerySelectorAll("#search-region optgroup").ToDictionary(g => g.GetAttribute("label")!, g => g.QuerySelectorAll("option").Select(o => o.TextContent).ToList());
        Assert.Contains("Japan", groups["Countries"]);
        Assert.Contains("Eastern Asia", groups["World regions"]);
        Assert.Contains("Tokyo", groups["Provinces and states"]);
        Assert.Contains("South China Sea", groups["Theatres and disputed territories"]);
        // A region without stories is offered only when it is the one chosen.
        Assert.Equal("Mongolia", page.QuerySelector("#search-region option[selected]")!.TextContent);
        Assert.DoesNotContain("Osaka", groups["Provinces and states"]);
        Assert.DoesNotContain("Antarctica", groups["Countries"]);
        Assert.Contains("Cyber security", page.Texts("#search-topic option"));
        Assert.True(page.QuerySelectorAll("#search-topic option").Length < 34, "only topics with stories");
    }

    [Theory]
    [InlineData("/search?q=", "Type one or more words to search for.")]
    [InlineData("/search?q=%20%20", "Type one or more words to search for.")]
    [InlineData("/search?q=%22coast+guard", "A quotation mark is not closed. Put phrases between a pair of quotation marks, like \"coast guard\".")]
    [InlineData("/search?q=-china", "Add a word to search for: a search cannot only exclude words.")]
    [InlineData("/search?q=%21%21%21+%3F", "There is nothing to search for in that text: use letters or numbers.")]
    [InlineData("/search?q=cyber&region=atlantis", "There is no region 'atlantis'.")]
    [InlineData("/search?q=cyber&from=last+week", "The 'from' date should look like 2024-01-31.")]
    public async Task An_empty_or_malformed_query_is_a_400_that_says_what_to_change(string url, string message)
    {
        var page = await app.CreateClient().GetDocumentAsync(url, HttpStatusCode.BadRequest);

        Assert.Equal(message, page.QuerySelector(".search-error")!.TextContent);
    }

    [Theory]
    [InlineData("/search?q=AND")]
    [InlineData("/search?q=NEAR(china+japan)")]
    [InlineData("/search?q=china*+OR")]
    [InlineData("/search?q=%5E%3A%28%29%7B%7D")]
    [InlineData("/search?q=%E6%97%A5%E6%9C%AC")]
    public async Task Query_syntax_of_the_engine_is_never_passed_through(string url)
    {
        using var response = await app.CreateClient().GetResponseAsync(url);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task No_results_says_so_and_a_bare_search_page_is_a_form()
    {
        var client = app.CreateClient();

        var none = await client.GetDocumentAsync("/search?q=zeppelin");
        Assert.Equal("No stories match “zeppelin”.", none.QuerySelector("#results-heading")!.TextContent.Trim());
        var bare = await client.GetDocumentAsync("/search");
        Assert.NotNull(bare.QuerySelector("#search-q"));
        Assert.Null(bare.QuerySelector(".search-error"));
    }

    [Fact]
    public async Task The_index_follows_edits_and_deletions_of_stories()
    {
        using var edits = new ReadingApp();
        await edits.InitializeAsync();
        var client = edits.CreateClient();
        Assert.Single((await client.GetDocumentAsync("/search?q=ransomware")).QuerySelectorAll(".search-results li"));

        await edits.WriteAsync(async db =>
        {
            var story = await db.Articles.FindAsync([edits.Sample.Stories["tokyo-cyber"].Id], TestContext.Current.CancellationToken);
            story!.Headline = "Malware halts Tokyo port operator";
            story.Body = "Container terminals stopped after malware encrypted the scheduling system.";
            story.Standfirst = "Malware halted container handling.";
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        Assert.Empty((await client.GetDocumentAsync("/search?q=ransomware")).QuerySelectorAll(".search-results li"));
        Assert.Equal(["Malware halts Tokyo port operator"], (await client.GetDocumentAsync("/search?q=malware")).Texts(".search-results h3 a"));

        await edits.WriteAsync(async db =>
        {
            db.Articles.Remove((await db.Articles.FindAsync([edits.Sample.Stories["tokyo-cyber"].Id], TestContext.Current.CancellationToken))!);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        Assert.Empty((await client.GetDocumentAsync("/search?q=malware")).QuerySelectorAll(".search-results li"));
    }
}
