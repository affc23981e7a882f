using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Admin.Pages;

public sealed class RetagModel(RetagJobs jobs) : PageModel
{
    public RetagJob? Job { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Job = await jobs.LatestAsync(cancellationToken);

    /// <summary>Progress for the page's script: polled once a second while a job is active.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken cancellationToken)
    {
        var job = await jobs.LatestAsync(cancellationToken);
        return job is null
            ? new JsonResult(new { active = false, state = "none", processed = 0, total = 0 })
            : new JsonResult(new { id = job.Id, active = job.IsActive, state = job.State.ToString(), processed = job.Processed, total = job.Total, error = job.Error });
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var job = await jobs.RequestAsync(User.ToActor(), cancellationToken);
        TempData["Flash"] = $"Re-tag job #{job.Id} queued; it starts within a few seconds.";
        return Redirect("/admin/retag");
    }

    public async Task<IActionResult> OnPostCancelAsync(int jobId, CancellationToken cancellationToken)
    {
        TempData["Flash"] = await jobs.CancelAsync(jobId, User.ToActor(), cancellationToken) ? "Cancelled; articles done so far keep their new suggestions." : "That job had already finished.";
        return Redirect("/admin/retag");
    }
}
