using System.Text.Json;
using Microsoft.Playwright;
using NewsDesk.TestSupport;

namespace NewsDesk.BrowserTests.Reading;

/// <summary>axe-core (npm, installed by <c>npm ci</c> in this folder) injected into a page through Playwright.</summary>
internal static class Axe
{
    public static string ScriptPath { get; } = Path.Combine(Repository.Root, "tests", "NewsDesk.BrowserTests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>The serious and critical violations on the page, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!File.Exists(ScriptPath))
        {
            var reason = $"axe-core is not installed at {ScriptPath} (npm ci --prefix tests/NewsDesk.BrowserTests).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(reason + " CI must install it.");
            }

            Assert.Skip(reason);
        }

        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations");
        return [.. result.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("impact").GetString()} {v.GetProperty("id").GetString()}: {v.GetProperty("help").GetString()} at "
                + string.Join(", ", v.GetProperty("nodes").EnumerateArray().Take(3).Select(n => n.GetProperty("target")[0].ToString())))];
    }
}
