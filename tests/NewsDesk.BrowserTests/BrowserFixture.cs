using Microsoft.Playwright;
using NewsDesk.TestSupport;

namespace NewsDesk.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser) against the real app on Kestrel.
/// Without Chromium the tests skip with the reason on a laptop and fail in CI (CI=true), where it is installed.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public NewsDeskAppFactory App { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(Repository.Root, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        Configure(App);
        BaseAddress = App.StartKestrel();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    /// <summary>Settings and services a derived fixture adds before the app starts.</summary>
    protected virtual void Configure(NewsDeskAppFactory app)
    {
    }

    /// <summary>A fresh page (own cookies) at the given width; console errors are collected into <paramref name="consoleErrors"/>.</summary>
    public async Task<IPage> NewPageAsync(List<string> consoleErrors, int width = 1280, int height = 900)
    {
        if (_browser is null)
        {
            var reason = $"Chromium is not installed at {ChromiumPath} (apt-get install chromium).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason + " CI must install it: browser tests may not be skipped there.");
            }

            Assert.Skip(reason);
        }

        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                consoleErrors.Add($"{response.Status} {response.Url}");
            }
        };
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
