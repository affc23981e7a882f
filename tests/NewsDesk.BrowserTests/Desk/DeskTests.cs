using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.BrowserTests.Desk;

public sealed class DeskTests(DeskFixture browser) : IClassFixture<DeskFixture>
{
    [Fact]
    public async Task An_editor_writes_a_story_in_Markdown_accepts_a_suggested_tag_publishes_it_and_finds_it_on_the_site()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors, 1400, 1000);
        var region = await BuiltInRegionAsync("senkaku-islands");
        await DeskSession.EnsureUserAsync(browser.App, "editor@newsdesk.test", "Editor");
        await SignInAsync(page, "editor@newsdesk.test");

        await page.ClickAsync("#nav-new");
        await page.FillAsync("#Input_Headline", "Chinese coast guard ships sail near the Senkaku Islands");
        await page.FillAsync("#Input_Standfirst", "Four vessels entered the contiguous zone on Monday.");
        await page.FillAsync("#Input_Body", "Four **coast guard** ships sailed near the Senkaku Islands.\n\n## Tokyo protests\n\nJapan lodged a protest. See [the ministry](https://www.mofa.go.jp/).");
        await page.Keyboard.PressAsync("Control+s");
        // The first save also builds the tagger's taxonomy snapshot: allow a loaded machine its seconds.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/desk/stories/\d+$"), new() { Timeout = 30_000 });

        await Assertions.Expect(page.Locator($".suggestion[data-term='{region.Id}'] .evidence mark").First).ToHaveTextAsync("Senkaku Islands");
        await page.ClickAsync("[data-mode=split]");
        await Assertions.Expect(page.Locator("[data-preview] h2")).ToHaveTextAsync("Tokyo protests");
        await BrowserFixture.ScreenshotAsync(page, "desk-editor");
        await page.ClickAsync($"label[for=accept-{region.Id}]");
        await page.ClickAsync("#act-publish");
        await Assertions.Expect(page.Locator("#story-status")).ToHaveTextAsync("Published");
        await Assertions.Expect(page.Locator($"#accept-{region.Id}")).ToBeCheckedAsync();

        await page.ClickAsync("#public-link");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles/chinese-coast-guard-ships-sail-near-the-senkaku-islands$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Chinese coast guard ships sail near the Senkaku Islands");
        await Assertions.Expect(page.Locator(".body h2")).ToHaveTextAsync("Tokyo protests");
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Chinese coast guard ships sail near the Senkaku Islands" })).ToBeVisibleAsync();

        Assert.Empty(errors);
        Assert.Empty(browser.App.Logs.Errors);
    }

    [Fact]
    public async Task An_admin_merges_two_tags_and_the_old_tag_address_redirects()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors, 1400, 1000);
        var from = await TermAsync(TermType.Tag, "PLAN Shandong");
        var into = await TermAsync(TermType.Tag, "Shandong carrier");
        foreach (var name in new[] { "Type 055 destroyer", "J-20 fighter", "Coast Guard Law", "Quad", "AUKUS" })
        {
            await TermAsync(TermType.Tag, name);
        }

        foreach (var body in new[] { "The AUKUS partners and the Quad met.", "A Type 055 destroyer and the Shandong carrier sailed.", "PLAN Shandong drills; J-20 fighter patrols under the Coast Guard Law." })
        {
            await using var scope = browser.App.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NewsDesk.Core.Articles.StoryDesk>().CreateAsync(new(body[..20], null, null, null, null, null, null, body), Actor.System("test"), TestContext.Current.CancellationToken);
        }

        await DeskSession.EnsureUserAsync(browser.App, "admin@newsdesk.test", "Admin");
        await SignInAsync(page, "admin@newsdesk.test");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.GotoAsync("/admin/terms?type=Tag");
        await BrowserFixture.ScreenshotAsync(page, "admin-tags");
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("PLAN Shandong");
        await page.Keyboard.PressAsync("Enter");
        await page.ClickAsync("#terms a:text('PLAN Shandong')");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/terms/{from.Id}$"));
        await BrowserFixture.ScreenshotAsync(page, "admin-tag-edit");
        await page.ClickAsync("#merge-link");
        await page.FillAsync("#q", "Shandong carrier");
        await page.Keyboard.PressAsync("Enter");
        await page.CheckAsync($"#target-{into.Id}");
        await page.ClickAsync("#merge");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/admin/terms/{into.Id}$"));
        await Assertions.Expect(page.Locator("#aliases")).ToContainTextAsync("PLAN Shandong");

        // The public tag page belongs to the reading view; the redirect is checked at the HTTP level.
        var response = await page.APIRequest.GetAsync("/tags/plan-shandong", new() { MaxRedirects = 0 });
        Assert.Equal(301, response.Status);
        Assert.Equal("/tags/shandong-carrier", response.Headers["location"]);

        Assert.Empty(errors);
        Assert.Empty(browser.App.Logs.Errors);
    }

    /// <summary>A region of the built-in taxonomy the app synced at start, as the tagger knows it.</summary>
    private async Task<Region> BuiltInRegionAsync(string slug)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NewsDesk.Core.Data.NewsDeskDbContext>().Regions.SingleAsync(r => r.Slug == slug);
    }

    private async Task<Term> TermAsync(TermType type, string name)
    {
        await using var scope = browser.App.Services.CreateAsyncScope();
        var (result, term) = await scope.ServiceProvider.GetRequiredService<TaxonomyCuration>().CreateAsync(type, name, Actor.System("test"));
        Assert.True(result.Succeeded, result.Error);
        return term!;
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/desk");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", DeskSession.Password);
        await page.ClickAsync("#sign-in");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/desk$"));
    }
}
