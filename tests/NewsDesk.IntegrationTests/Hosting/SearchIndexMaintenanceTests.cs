using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Hosting;

public sealed class SearchIndexMaintenanceTests
{
    private static async Task<long> SegmentsAsync(NewsDeskAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        return await db.WithCommandAsync(async command =>
        {
            command.CommandText = "SELECT count(DISTINCT segid) FROM ArticleSearch_idx";
            return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
        }, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_web_host_compacts_a_split_search_index_on_its_interval()
    {
        using var app = new NewsDeskAppFactory().With("NewsDesk:SearchMaintenanceInterval", "00:00:01");
        app.CreateClient();
        var ct = TestContext.Current.CancellationToken;
        var random = new Random(7);
        // Three imports, each its own transaction: FTS5 keeps them as separate segments of about equal size, together
        // well over the 256 pages outside the largest that make compacting worth it.
        for (var write = 0; write < 3; write++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
            for (var i = 0; i < 200; i++)
            {
                var body = string.Join(' ', Enumerable.Range(0, 600).Select(_ => "w" + random.Next(20_000).ToString(CultureInfo.InvariantCulture)));
                var article = new Article($"import-{write}-{i}", $"Import {write} story {i}", body, ArticleStatus.Draft, DateTime.UtcNow.AddDays(-2));
                article.Publish(DateTime.UtcNow.AddDays(-2));
                db.Articles.Add(article);
            }

            await db.SaveChangesAsync(ct);
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await SegmentsAsync(app) > 1 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
        }

        Assert.Equal(1, await SegmentsAsync(app));
        Assert.Contains(app.Logs.Messages(Serilog.Events.LogEventLevel.Information), m => m.StartsWith("Search index compacted: ", StringComparison.Ordinal) && m.Contains(" segments to 1 ", StringComparison.Ordinal));
        await using var check = app.Services.CreateAsyncScope();
        await check.ServiceProvider.GetRequiredService<NewsDeskDbContext>().Database
            .ExecuteSqlAsync($"INSERT INTO ArticleSearch(ArticleSearch, rank) VALUES ('integrity-check', 0)", ct);
        var page = await app.CreateClient().GetDocumentAsync("/search?q=import+story");
        Assert.StartsWith("600 stories match", page.QuerySelector("#results-heading")!.TextContent.Trim(), StringComparison.Ordinal);
    }
}
