using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;
using NewsDesk.Core.Sources;
using NewsDesk.Ingest;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Admin.Pages.Sources;

/// <summary>Where stories come from, how often feeds are polled, and how the last poll went.</summary>
public sealed class IndexModel(NewsDeskDbContext db, TimeProvider time, IOptions<IngestPollingOptions> polling) : PageModel
{
    public IReadOnlyList<Source> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Sources = await db.Sources.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);

    /// <summary>Due now: the feed poller, on whichever instance, picks sources whose next poll time has come.</summary>
    public async Task<IActionResult> OnPostPollNowAsync(int sourceId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == sourceId, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        source.NextPollAt = now;
        db.Record(User.ToActor(), now, "source.poll", "source", source.Id, source.Name);
        await db.SaveChangesAsync(cancellationToken);
        // Say what will actually happen: a disabled source is never polled, and this instance may not poll at all.
        TempData["Flash"] = !source.Enabled ? $"{source.Name} is due now, but it is disabled: enable it to have it polled."
            : !polling.Value.Enabled ? $"{source.Name} is due now, but this instance does not poll feeds (Ingest:Polling:Enabled is off); an instance that does will poll it."
            : string.Create(CultureInfo.InvariantCulture, $"{source.Name} will be polled within {polling.Value.IntervalSeconds} seconds.");
        return Redirect("/admin/sources");
    }

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? url, CancellationToken cancellationToken)
    {
        name = name?.Trim();
        var error = string.IsNullOrEmpty(name) || name.Length > 200 ? "A name of 1 to 200 characters is required." : SourceRules.CheckUrl(url);
        if (error is null && await db.Sources.AnyAsync(s => s.Name == name, cancellationToken))
        {
            error = $"A source named {name} already exists.";
        }

        if (error is not null)
        {
            TempData["Error"] = error;
            return Redirect("/admin/sources");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var source = new Source(name!, SourceKind.Feed) { Url = url!.Trim(), CreatedAt = now, NextPollAt = now };
        db.Sources.Add(source);
        await db.SaveChangesAsync(cancellationToken);
        db.Record(User.ToActor(), now, "source.create", "source", source.Id, $"{name} {url}");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = $"Added {name}.";
        return Redirect($"/admin/sources/{source.Id}");
    }
}
