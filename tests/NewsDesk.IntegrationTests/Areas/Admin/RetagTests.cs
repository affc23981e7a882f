using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Areas.Admin;

public sealed class RetagTests
{
    [Fact]
    public async Task Re_tagging_all_articles_in_the_background_suggests_new_terms_and_keeps_editor_decisions()
    {
        using var app = new DeskApp();
        var admin = await app.SignInAsync("Admin");
        var accepted = await app.TermAsync(TermType.Tag, "Accepted tag");
        var story = await app.CreateStoryAsync("Retag story", "Accepted tag and a new name: Fujian carrier.");
        await app.WithDbAsync(async db =>
        {
            (await db.ArticleTerms.SingleAsync(l => l.ArticleId == story.Id && l.TermId == accepted.Id)).Decision = LinkDecision.Rejected;
            return await db.SaveChangesAsync();
        });
        var fresh = await app.TermAsync(TermType.Tag, "Fujian carrier");

        var start = await admin.SubmitAsync("/admin/retag", "#retag-form", []);

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var job = await WaitForJobAsync(app);
        Assert.Equal(RetagJobState.Completed, job.State);
        Assert.Equal(job.Total, job.Processed);
        var links = (await app.ArticleAsync(story.Id)).Terms.ToDictionary(l => l.TermId);
        Assert.Equal(LinkDecision.Rejected, links[accepted.Id].Decision);
        Assert.Equal(LinkOrigin.Auto, links[fresh.Id].Origin);
        var page = await admin.GetHtmlAsync("/admin/retag");
        Assert.Equal("Completed", page.QuerySelector("#retag-state")!.TextContent);
        Assert.Contains($"{job.Processed} of {job.Total} articles (100%)", page.QuerySelector("[data-progress-text]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tagger_that_ignores_the_contract_still_cannot_undo_editor_decisions()
    {
        using var app = new DeskApp();
        app.WithTagger<CarelessTagger>();
        var admin = await app.SignInAsync("Admin");
        var story = await app.CreateStoryAsync("Careless", "Text.");
        var rejected = await app.TermAsync(TermType.Tag, "Careless rejected");
        var manual = await app.TermAsync(TermType.Tag, "Careless manual");
        await app.WithDbAsync(async db =>
        {
            db.ArticleTerms.Add(new ArticleTerm { ArticleId = story.Id, TermId = rejected.Id, Score = 0.9, Decision = LinkDecision.Rejected, Origin = LinkOrigin.Auto });
            db.ArticleTerms.Add(new ArticleTerm { ArticleId = story.Id, TermId = manual.Id, Score = 1, Decision = LinkDecision.Accepted, Origin = LinkOrigin.Editor });
            return await db.SaveChangesAsync();
        });

        await admin.SubmitAsync("/admin/retag", "#retag-form", []);
        await WaitForJobAsync(app);

        var links = (await app.ArticleAsync(story.Id)).Terms.ToDictionary(l => l.TermId);
        Assert.Equal((LinkDecision.Rejected, LinkOrigin.Auto), (links[rejected.Id].Decision, links[rejected.Id].Origin));
        Assert.Equal((LinkDecision.Accepted, LinkOrigin.Editor), (links[manual.Id].Decision, links[manual.Id].Origin));
    }

    [Fact]
    public async Task Only_one_of_two_instances_claims_a_job_and_another_takes_over_an_expired_lease()
    {
        using var app = new DeskApp();
        app.With("Desk:RetagPollInterval", "01:00:00");
        var jobId = (await app.WithServiceAsync<RetagJobs, RetagJob>(j => j.RequestAsync(NewsDesk.Core.Audit.Actor.System("test")))).Id;

        var claims = await Task.WhenAll(
            app.WithServiceAsync<RetagJobs, int?>(j => j.TryClaimAsync("instance-a")),
            app.WithServiceAsync<RetagJobs, int?>(j => j.TryClaimAsync("instance-b")));

        Assert.Single(claims, c => c == jobId);
        Assert.Single(claims, c => c is null);
        await app.WithDbAsync(db => db.RetagJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        Assert.Equal(jobId, await app.WithServiceAsync<RetagJobs, int?>(j => j.TryClaimAsync("instance-c")));
        var owner = await app.WithDbAsync(db => db.RetagJobs.Where(j => j.Id == jobId).Select(j => j.LeaseOwner).SingleAsync());
        Assert.Equal("instance-c", owner);
        var stale = claims.Single(c => c is not null) is not null && await app.WithServiceAsync<RetagJobs, bool>(j => j.RunBatchAsync(jobId, claims[0] == jobId ? "instance-a" : "instance-b", 10));
        Assert.False(stale);
    }

    private static async Task<RetagJob> WaitForJobAsync(DeskApp app)
    {
        for (var i = 0; i < 200; i++)
        {
            var job = await app.WithDbAsync(db => db.RetagJobs.AsNoTracking().OrderByDescending(j => j.Id).FirstAsync());
            if (!job.IsActive)
            {
                return job;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The re-tag job did not finish in 20 s.");
    }
}
