using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Data;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task Restarting_on_the_same_database_does_not_import_the_seeds_again()
    {
        using var first = new NewsDeskAppFactory();
        first.CreateClient();
        using var second = first.Restarted();
        second.CreateClient();

        await using var scope = second.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>();
        Assert.Equal(1, await db.Articles.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_malformed_seed_is_logged_by_name_and_the_others_still_import()
    {
        using var seeds = new TempDirectory();
        File.Copy(Repository.SeedFile, seeds.File("good.txt"));
        seeds.Write("broken.txt", "\n\n\n");
        using var app = new NewsDeskAppFactory();
        app.With("NewsDesk:SeedsDirectory", seeds.Path);

        var page = await app.CreateClient().GetDocumentAsync("/");

        Assert.Single(page.QuerySelectorAll(".story-list li"));
        Assert.Contains(app.Logs.Messages(Serilog.Events.LogEventLevel.Warning), m => m.Contains("broken.txt", StringComparison.Ordinal) && m.Contains("no headline", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_stops_the_app_with_a_one_line_error_and_exit_code_1()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("newsdesk.db", "not a database, only text that fills the header of a sqlite file");
        var info = ProjectProcess.StartInfo(
            ProjectProcess.Assembly("NewsDesk.Web", "NewsDesk.Web"),
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?> { ["ConnectionStrings__NewsDesk"] = $"Data Source={path}", ["ASPNETCORE_ENVIRONMENT"] = "Production" });

        var run = await ProjectProcess.RunAsync(info, TimeSpan.FromSeconds(60));

        Assert.Equal(1, run.ExitCode);
        var output = run.Stdout + run.Stderr;
        Assert.Contains($"NewsDesk cannot start: Cannot open the database {path}: SQLite Error 26: 'file is not a database'.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setting_out_of_range_stops_the_app_with_a_one_line_error_and_exit_code_1()
    {
        using var directory = new TempDirectory();
        var info = ProjectProcess.StartInfo(
            ProjectProcess.Assembly("NewsDesk.Web", "NewsDesk.Web"),
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?>
            {
                ["ConnectionStrings__NewsDesk"] = $"Data Source={directory.File("newsdesk.db")}",
                ["NewsDesk__PageCacheMiB"] = "0",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            });

        var run = await ProjectProcess.RunAsync(info, TimeSpan.FromSeconds(60));

        Assert.Equal(1, run.ExitCode);
        var output = run.Stdout + run.Stderr;
        Assert.Contains("NewsDesk cannot start: invalid configuration:", output, StringComparison.Ordinal);
        Assert.Contains("The field PageCacheMiB must be between 1 and 1024.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dates_are_shown_in_the_configured_time_zone()
    {
        using var app = new NewsDeskAppFactory();
        app.With("Site:TimeZone", "Asia/Tokyo");

        var page = await app.CreateClient().GetDocumentAsync("/");
        var time = page.QuerySelector(".story-list time")!;

        Assert.Equal("2021-11-24T16:53:00+09:00", time.GetAttribute("datetime"));
        Assert.StartsWith("24 November 2021, 16:53", time.TextContent, StringComparison.Ordinal);
        Assert.Contains("UTC+09:00", time.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_time_zone_stops_the_start()
    {
        using var app = new NewsDeskAppFactory();
        app.With("Site:TimeZone", "Mars/Olympus_Mons");

        Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains(app.Logs.Messages(Serilog.Events.LogEventLevel.Fatal), m => m.Contains("invalid configuration: Site:TimeZone is not a known IANA time zone.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_production_environment_serves_pages_and_static_assets()
    {
        using var app = new NewsDeskAppFactory { Environment = "Production" };
        var client = app.CreateClient();

        var page = await client.GetDocumentAsync("/");
        using var css = await client.GetAsync(new Uri(page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, css.StatusCode);
    }
}
