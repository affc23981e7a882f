using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Areas.Desk.Stories;

public sealed class EditTests(DeskApp app) : IClassFixture<DeskApp>
{
    [Fact]
    public async Task The_tag_panel_shows_suggestions_with_scores_and_highlighted_evidence_and_saves_decisions()
    {
        var island = await app.TermAsync(TermType.Region, "Pratas Atoll");
        var weapon = await app.TermAsync(TermType.Tag, "Hypersonic glide vehicle");
        var manual = await app.TermAsync(TermType.Topic, "Maritime militia");
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Drills near Pratas", "Ships circled Pratas Atoll. A hypersonic glide vehicle was tested. Pratas Atoll again.");
        var url = $"/desk/stories/{story.Id}";

        var page = await editor.GetHtmlAsync(url);
        var suggestion = page.QuerySelector($".suggestion[data-term='{island.Id}']")!;
        var stored = (await app.ArticleAsync(story.Id)).Terms.Single(l => l.TermId == island.Id).Score;
        Assert.Equal(stored.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), suggestion.QuerySelector(".score-num")!.TextContent);
        Assert.Equal(["Pratas Atoll", "Pratas Atoll"], suggestion.QuerySelectorAll(".evidence mark").Select(m => m.TextContent));
        Assert.NotNull(page.QuerySelector($"#undecided-{weapon.Id}[checked]"));

        var saved = await editor.SubmitAsync(url, "#story-form", new() { [$"Choices[{Index(page, island.Id)}].Decision"] = "Accepted", [$"Choices[{Index(page, weapon.Id)}].Decision"] = "Rejected", ["AddTerms"] = "maritime MILITIA" }, page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var links = (await app.ArticleAsync(story.Id)).Terms.ToDictionary(l => l.TermId);
        Assert.Equal(LinkDecision.Accepted, links[island.Id].Decision);
        Assert.Equal(LinkDecision.Rejected, links[weapon.Id].Decision);
        Assert.Equal((LinkOrigin.Editor, LinkDecision.Accepted, 1.0), (links[manual.Id].Origin, links[manual.Id].Decision, links[manual.Id].Score));
        page = await editor.GetHtmlAsync(url);
        Assert.NotNull(page.QuerySelector($"#accept-{island.Id}[checked]"));
        Assert.NotNull(page.QuerySelector($"#reject-{weapon.Id}[checked]"));
    }

    [Fact]
    public async Task Saving_with_re_tag_keeps_the_editors_decisions()
    {
        var term = await app.TermAsync(TermType.Tag, "Type 076 carrier");
        var other = await app.TermAsync(TermType.Tag, "Liaoning group");
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Carrier news", "The Type 076 carrier sailed.");
        var url = $"/desk/stories/{story.Id}";
        var page = await editor.GetHtmlAsync(url);
        await editor.SubmitAsync(url, "#story-form", new() { [$"Choices[{Index(page, term.Id)}].Decision"] = "Rejected" }, page);

        await editor.SubmitAsync(url, "#story-form", new() { ["Input.Body"] = "The Type 076 carrier sailed with the Liaoning group. Type 076 carrier again.", ["Retag"] = "true" });

        var links = (await app.ArticleAsync(story.Id)).Terms.ToDictionary(l => l.TermId);
        Assert.Equal(LinkDecision.Rejected, links[term.Id].Decision);
        Assert.Equal(LinkDecision.None, links[other.Id].Decision);
    }

    [Fact]
    public async Task An_unknown_manual_tag_is_refused_with_its_name_and_nothing_is_saved()
    {
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Manual tag story", "Body.");

        var response = await editor.SubmitAsync($"/desk/stories/{story.Id}", "#story-form", new() { ["AddTerms"] = "Atlantis", ["Input.Headline"] = "Changed" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("No region, topic or tag is called &#x27;Atlantis&#x27;", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("Manual tag story", (await app.ArticleAsync(story.Id)).Headline);
    }

    [Fact]
    public async Task The_second_of_two_concurrent_saves_gets_a_conflict_page_with_both_versions_and_nothing_is_lost()
    {
        var alice = await app.SignInAsync("Editor", "alice@newsdesk.test");
        var bob = await app.SignInAsync("Editor", "bob@newsdesk.test");
        var story = await app.CreateStoryAsync("Shared headline", "Line one.\nLine two.\nLine three.");
        var url = $"/desk/stories/{story.Id}";
        var alicePage = await alice.GetHtmlAsync(url);
        var bobPage = await bob.GetHtmlAsync(url);

        var first = await alice.SubmitAsync(url, "#story-form", new() { ["Input.Body"] = "Line one.\nLine two, by Alice.\nLine three.", ["Input.Byline"] = "Alice" }, alicePage);
        var second = await bob.SubmitAsync(url, "#story-form", new() { ["Input.Body"] = "Line one.\nLine two.\nLine three, by Bob.", ["Input.Headline"] = "Bob's headline" }, bobPage);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var conflict = new HtmlParser().ParseDocument(await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("alice@newsdesk.test saved this story", conflict.QuerySelector("#conflict h2")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Line one.\nLine two, by Alice.\nLine three.", conflict.QuerySelector("#theirs-Body")!.TextContent.Trim());
        Assert.Equal("Line one.\nLine two.\nLine three, by Bob.", conflict.QuerySelector("#mine-Body")!.TextContent.Trim());
        // Only Bob changed the headline, only Alice the byline: both are merged in; the body, changed by both, keeps Bob's.
        Assert.Equal("Bob's headline", conflict.QuerySelector("#Input_Headline")!.GetAttribute("value"));
        Assert.Equal("Alice", conflict.QuerySelector("#Input_Byline")!.GetAttribute("value"));
        Assert.Equal("Line one.\nLine two.\nLine three, by Bob.", conflict.QuerySelector("#Input_Body")!.TextContent.Trim());
        Assert.Equal("Shared headline", (await app.ArticleAsync(story.Id)).Headline);
        Assert.True(await app.WithDbAsync(db => db.ArticleRevisions.AnyAsync(r => r.ArticleId == story.Id && r.Reason == "conflict (not applied)" && r.Body.Contains("by Bob"))));

        var merged = await bob.SubmitAsync(url, "#story-form", new() { ["Input.Body"] = "Line one.\nLine two, by Alice.\nLine three, by Bob." }, conflict);

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        var article = await app.ArticleAsync(story.Id);
        Assert.Equal(("Bob's headline", "Alice", "Line one.\nLine two, by Alice.\nLine three, by Bob."), (article.Headline, article.Byline, article.Body));
    }

    [Fact]
    public async Task Any_two_revisions_compare_as_a_diff_and_an_old_one_can_be_restored()
    {
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Revision story", "First paragraph.\n\nSecond paragraph.");
        var url = $"/desk/stories/{story.Id}";
        await editor.SubmitAsync(url, "#story-form", new() { ["Input.Body"] = "First paragraph.\n\nSecond paragraph, revised." });
        await editor.SubmitAsync(url, "#story-form", new() { ["Input.Headline"] = "Revision story, retitled" });

        var diff = await editor.GetHtmlAsync($"{url}/revisions?from=1&to=3");

        Assert.Equal("Second paragraph.", diff.QuerySelector("[data-field='Body'] .del")!.TextContent);
        Assert.Equal("Second paragraph, revised.", diff.QuerySelector("[data-field='Body'] .ins")!.TextContent);
        Assert.Equal(", retitled", diff.QuerySelector("[data-field='Headline'] ins")!.TextContent);

        var restore = await editor.SubmitAsync($"{url}/revisions?from=3&to=1", "#restore-form", []);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var article = await app.ArticleAsync(story.Id);
        Assert.Equal(("Revision story", "First paragraph.\n\nSecond paragraph."), (article.Headline, article.Body));
        Assert.Equal(4, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == story.Id)));
        // Recorded as what it was, in the revision list and the audit log.
        var revisions = await editor.GetHtmlAsync($"{url}/revisions");
        Assert.Contains("restore of revision 1", revisions.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityType == "article" && e.EntityId == story.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderByDescending(e => e.Id).Select(e => e.Action + " " + e.Summary).FirstAsync());
        Assert.StartsWith("article.restore Revision story: restored revision 1; ", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_image_is_checked_resized_and_needs_alt_text()
    {
        var editor = await app.SignInAsync("Editor");
        var story = await app.CreateStoryAsync("Image story", "Body.");
        var url = $"/desk/stories/{story.Id}";

        var noAlt = await PostImageAsync(editor, url, TestImages.Png(2400, 1200), "photo.png", alt: "");
        var notAnImage = await PostImageAsync(editor, url, "<svg onload=alert(1)>"u8.ToArray(), "photo.jpg", alt: "A ship");
        var ok = await PostImageAsync(editor, url, TestImages.Png(2400, 1200), "photo.png", alt: "A coast guard ship");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAlt.StatusCode);
        Assert.Contains("alt text is required", await noAlt.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAnImage.StatusCode);
        Assert.Contains("not a JPEG, PNG, WebP or GIF", await notAnImage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var article = await app.ArticleAsync(story.Id);
        Assert.Equal((1600, 800, "A coast guard ship"), (article.LeadImageWidth!.Value, article.LeadImageHeight!.Value, article.LeadImageAlt));
        var image = await app.CreateHttpsClient().GetAsync(new Uri($"/media/{article.LeadImageKey}-800.jpg", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        using var decoded = SkiaSharp.SKBitmap.Decode(await image.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal((800, 400), (decoded.Width, decoded.Height));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "media", article.LeadImageKey + ".jpg")));
    }

    private static async Task<HttpResponseMessage> PostImageAsync(HttpClient client, string url, byte[] bytes, string fileName, string alt)
    {
        var page = await client.GetHtmlAsync(url);
        var fields = DeskSession.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#story-form")!);
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in fields.Where(f => f.Key != "ImageAlt"))
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new StringContent(alt), "ImageAlt");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(file, "Image", fileName);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    private static int Index(AngleSharp.Html.Dom.IHtmlDocument page, int termId)
    {
        var name = page.QuerySelector($"input[type=hidden][value='{termId}'][name^='Choices']")!.GetAttribute("name")!;
        return int.Parse(name["Choices[".Length..name.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
