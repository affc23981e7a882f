using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NewsDesk.BrowserTests.Reading;

public sealed class ReaderTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task A_reader_opens_the_seed_story_from_the_home_page(int width)
    {
        var consoleErrors = new List<string>();
        var page = await browser.NewPageAsync(consoleErrors, width);

        await page.GotoAsync("/");
        await BrowserFixture.ScreenshotAsync(page, $"home-{width}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/articles/japan-vietnam-sign-defense-and-cyberspace-cooperation-to-counter-chinas-aggression$"));
        Assert.Equal("Japan, Vietnam sign defense and cyberspace cooperation to counter China's aggression", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Zaini Majeed", await page.Locator(".byline .author").InnerTextAsync());
        Assert.Equal("Japan officially recognises China as 'threat' to its cybersecurity", await page.Locator(".body h2").InnerTextAsync());
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, $"The article page scrolls sideways at {width} px.");
        await BrowserFixture.ScreenshotAsync(page, $"article-{width}");

        Assert.Empty(consoleErrors);
        Assert.Empty(browser.App.Logs.Errors);
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_for_keyboard_users()
    {
        var page = await browser.NewPageAsync([]);
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");

        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
    }
}
