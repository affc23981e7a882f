using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NewsDesk.BrowserTests.Reading;

/// <summary>axe-core, from the <c>Deque.AxeCore.Playwright</c> package (which carries the script), run in a page.</summary>
internal static class Axe
{
    /// <summary>The serious and critical violations on the page, one line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        // No passed rule at all would mean axe checked nothing, not that the page is clean.
        Assert.NotEmpty(result.Passes);
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} at " + string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString())))];
    }
}
