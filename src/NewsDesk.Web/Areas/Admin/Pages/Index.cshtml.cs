using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Web.Areas.Admin.Pages;

public sealed class IndexModel(NewsDeskDbContext db, RetagJobs jobs) : PageModel
{
    public int Regions { get; private set; }

    public int Topics { get; private set; }

    public int Tags { get; private set; }

    public int Users { get; private set; }

    public int Sources { get; private set; }

    public int FailingSources { get; private set; }

    public RetagJob? Retag { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var counts = await db.Terms.Where(t => t.MergedIntoId == null).GroupBy(t => t.Type).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        Regions = counts.FirstOrDefault(c => c.Key == TermType.Region)?.Count ?? 0;
        Topics = counts.FirstOrDefault(c => c.Key == TermType.Topic)?.Count ?? 0;
        Tags = counts.FirstOrDefault(c => c.Key == TermType.Tag)?.Count ?? 0;
        Users = await db.Users.CountAsync(cancellationToken);
        Sources = await db.Sources.CountAsync(cancellationToken);
        FailingSources = await db.Sources.CountAsync(s => s.ConsecutiveFailures > 0, cancellationToken);
        Retag = await jobs.LatestAsync(cancellationToken);
    }
}
