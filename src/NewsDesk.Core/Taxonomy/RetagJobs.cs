using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// Re-tagging every article in the background. The job lives in the database: requesting one is a row, running it
/// is claiming a lease on the row (an atomic conditional update, so two app instances never run it at once), and
/// each batch commits the articles' new links together with the job's progress, so a crash resumes where it stopped.
/// </summary>
public sealed class RetagJobs(NewsDeskDbContext db, IArticleTagger tagger, TimeProvider time)
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>Queues a re-tag, or returns the one already queued or running.</summary>
    public async Task<RetagJob> RequestAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var active = await db.RetagJobs.Where(j => j.State == RetagJobState.Queued || j.State == RetagJobState.Running).OrderBy(j => j.Id).FirstOrDefaultAsync(cancellationToken);
        if (active is not null)
        {
            return active;
        }

        var now = Now;
        var job = new RetagJob { State = RetagJobState.Queued, RequestedAt = now, RequestedBy = actor.Name };
        db.RetagJobs.Add(job);
        db.Record(actor, now, "retag.request", "retag", null, "re-tag all articles");
        await db.SaveChangesAsync(cancellationToken);
        return job;
    }

    public async Task<bool> CancelAsync(int jobId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = Now;
        var changed = await db.RetagJobs
            .Where(j => j.Id == jobId && (j.State == RetagJobState.Queued || j.State == RetagJobState.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, RetagJobState.Cancelled).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.LeaseOwner, (string?)null), cancellationToken);
        if (changed == 1)
        {
            db.Record(actor, now, "retag.cancel", "retag", jobId, null);
            await db.SaveChangesAsync(cancellationToken);
        }

        return changed == 1;
    }

    public Task<RetagJob?> LatestAsync(CancellationToken cancellationToken = default) =>
        db.RetagJobs.AsNoTracking().OrderByDescending(j => j.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Claims the oldest queued job, or a running one whose owner stopped renewing its lease. Null when there is none.</summary>
    public async Task<int?> TryClaimAsync(string owner, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var candidates = await db.RetagJobs.AsNoTracking()
            .Where(j => j.State == RetagJobState.Queued || (j.State == RetagJobState.Running && j.LeaseExpiresAt < now))
            .OrderBy(j => j.Id).Select(j => new { j.Id, j.State, j.LeaseOwner }).Take(5).ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var until = now + Lease;
            // The WHERE repeats what was read: only one instance's update can match it.
            var claimed = await db.RetagJobs
                .Where(j => j.Id == candidate.Id && j.State == candidate.State && j.LeaseOwner == candidate.LeaseOwner)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.State, RetagJobState.Running)
                        .SetProperty(j => j.LeaseOwner, owner)
                        .SetProperty(j => j.LeaseExpiresAt, until)
                        .SetProperty(j => j.StartedAt, j => j.StartedAt ?? now),
                    cancellationToken);
            if (claimed == 1)
            {
                return candidate.Id;
            }
        }

        return null;
    }

    /// <summary>Re-tags the next batch of articles of a claimed job. False when the job is done, cancelled or no longer ours.</summary>
    public async Task<bool> RunBatchAsync(int jobId, string owner, int batchSize, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        var job = await db.RetagJobs.SingleOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null || job.State != RetagJobState.Running || job.LeaseOwner != owner)
        {
            return false;
        }

        if (job.Total == 0 && job.Processed == 0)
        {
            job.Total = await db.Articles.CountAsync(cancellationToken);
        }

        var articles = await db.Articles.Include(a => a.Terms)
            .Where(a => a.Id > job.LastArticleId)
            .OrderBy(a => a.Id).Take(batchSize)
            .ToListAsync(cancellationToken);
        var now = Now;
        foreach (var article in articles)
        {
            await tagger.TagKeepingDecisionsAsync(db, article, cancellationToken);
            if (db.ChangeTracker.Entries<Articles.ArticleTerm>().Any(e => e.Entity.ArticleId == article.Id && e.State != EntityState.Unchanged))
            {
                article.MarkModified(now);
            }
        }

        job.Processed += articles.Count;
        job.Total = Math.Max(job.Total, job.Processed);
        job.LeaseExpiresAt = now + Lease;
        var done = articles.Count < batchSize;
        if (articles.Count > 0)
        {
            job.LastArticleId = articles[^1].Id;
        }

        if (done)
        {
            job.State = RetagJobState.Completed;
            job.FinishedAt = now;
            job.LeaseOwner = null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Cancelled, or claimed by another instance after our lease ran out: that instance carries on.
            db.ChangeTracker.Clear();
            return false;
        }

        return !done;
    }

    public async Task FailAsync(int jobId, string owner, string error, CancellationToken cancellationToken = default)
    {
        var now = Now;
        error = error.Length > 1900 ? error[..1900] : error;
        await db.RetagJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, RetagJobState.Failed).SetProperty(j => j.Error, error).SetProperty(j => j.FinishedAt, now).SetProperty(j => j.LeaseOwner, (string?)null), cancellationToken);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
