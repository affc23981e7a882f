using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NewsDesk.Core.Data;
using NewsDesk.TestSupport.Sample;

namespace NewsDesk.BrowserTests.Reading;

/// <summary>A reader browsing by region on a phone and a desktop: the flows of issue 6, checked with axe.</summary>
public sealed class BrowsingTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private static readonly SemaphoreSlim Once = new(1, 1);

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            return;
        }

        await Once.WaitAsync();
        try
        {
            await using var scope = browser.App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            // The synced taxonomy has Japan from the start: look for the sample's own stories.
            if (!await db.Articles.AnyAsync(a => a.OriginalUrl == "https://wire.example/kishi"))
            {
                await SampleNewsroom.CreateAsync(db, DateTime.UtcNow);
            }
        }
        finally
        {
            Once.Release();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task A_reader_goes_from_the_front_page_to_a_region_a_story_and_a_tag(int width)
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors, width);

        await page.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(page, $"reading-home-{width}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Regions", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/regions$"));
        await BrowserFixture.ScreenshotAsync(page, $"reading-regions-{width}");

        await page.Locator(".region-tree").GetByRole(AriaRole.Link, new() { Name = "Japan", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/regions/japan$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Japan");
        await BrowserFixture.ScreenshotAsync(page, $"reading-region-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Japan scrambles jets as Chinese bombers near Okinawa" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles/japan-scrambles-jets-as-chinese-bombers-near-okinawa$"));
        await BrowserFixture.ScreenshotAsync(page, $"reading-article-{width}");

        await page.Locator(".term-links.tags").GetByRole(AriaRole.Link, new() { Name = "H-6 bomber" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/tags/h-6-bomber$"));
        await Assertions.Expect(page.Locator(".story-list h3 a")).ToHaveTextAsync(["Japan scrambles jets as Chinese bombers near Okinawa"]);

        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), $"The page scrolls sideways at {width} px.");
        Assert.Empty(errors);
        Assert.Empty(browser.App.Logs.Errors);
    }

    [Fact]
    public async Task A_reader_searches_from_the_header_and_narrows_to_a_region()
    {
        var errors = new List<string>();
        var page = await browser.NewPageAsync(errors, 390);
        await page.GotoAsync("/");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search stories" }).FillAsync("coast guard");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/search\\?q=coast\\+guard$"));
        await Assertions.Expect(page.Locator(".search-results mark").First).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "reading-search-390");

        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "Eastern Asia" });
        await page.Locator(".search-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("region=eastern-asia"));
        // The seed story (filed under Japan, in Eastern Asia) mentions the coast guard once, deep in its body.
        await Assertions.Expect(page.Locator(".search-results h3 a")).ToHaveTextAsync(["Coast guard vessels collide near Second Thomas Shoal", "Chinese ships enter waters off the Senkaku Islands", "Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression"]);

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search for" }).FillAsync("\"coast guard");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("A quotation mark is not closed");
        Assert.Empty(browser.App.Logs.Errors);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/regions")]
    [InlineData("/regions/south-china-sea")]
    [InlineData("/articles/japan-scrambles-jets-as-chinese-bombers-near-okinawa")]
    [InlineData("/search?q=cyber")]
    [InlineData("/regions/atlantis")]
    public async Task Axe_finds_no_serious_or_critical_violations(string url)
    {
        foreach (var width in new[] { 390, 1280 })
        {
            var page = await browser.NewPageAsync([], width);
            await page.GotoAsync(url);

            var violations = await Axe.SeriousViolationsAsync(page);

            Assert.True(violations.Count == 0, $"{url} at {width} px:\n" + string.Join("\n", violations));
        }
    }

    [Fact]
    public async Task Keyboard_users_skip_to_the_content_and_reach_every_link_in_order()
    {
        var page = await browser.NewPageAsync([]);
        await page.GotoAsync("/regions/japan");

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // From the main content the next stops are the breadcrumbs, then the story list; every stop shows a focus ring.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("World", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        Assert.NotEqual("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        string? label = null;
        for (var i = 0; i < 40 && label != "Japan scrambles jets as Chinese bombers near Okinawa"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            label = await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()");
        }

        Assert.Equal("Japan scrambles jets as Chinese bombers near Okinawa", label);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles/japan-scrambles-jets-as-chinese-bombers-near-okinawa$"));
    }
}
