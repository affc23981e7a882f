using Microsoft.Extensions.Options;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Web.Taxonomy;

/// <summary>
/// Runs re-tag jobs that admins request. Every instance polls; the lease on the job row lets only one run a job,
/// and another takes over (from the last committed batch) if that one stops renewing it.
/// </summary>
internal sealed partial class RetagWorker(IServiceScopeFactory scopes, IOptions<DeskOptions> options, ILogger<RetagWorker> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetagPollInterval);
        // The first look waits one interval: a starting instance serves its first readers before background work competes.
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunClaimableJobsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
            {
                // The store is busy or unavailable: the next tick tries again; the job's lease lets another instance resume it.
                LogPollFailed(ex);
            }
        }
    }

    private async Task RunClaimableJobsAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetRequiredService<RetagJobs>();
        while (await jobs.TryClaimAsync(_owner, stoppingToken) is { } jobId)
        {
            LogStarted(jobId);
            try
            {
                while (await jobs.RunBatchAsync(jobId, _owner, options.Value.RetagBatchSize, stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, jobId);
                await jobs.FailAsync(jobId, _owner, ex.Message, stoppingToken);
                continue;
            }

            LogFinished(jobId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-tag job {JobId} running")]
    private partial void LogStarted(int jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-tag job {JobId} stopped (finished, cancelled or taken over)")]
    private partial void LogFinished(int jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-tag job {JobId} failed")]
    private partial void LogFailed(Exception ex, int jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for re-tag jobs failed; retrying")]
    private partial void LogPollFailed(Exception ex);
}
