using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;
using NewsDesk.Core.Sources;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Admin.Pages.Sources;

public sealed class EditModel(NewsDeskDbContext db, TimeProvider time) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public Source Source { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        Source = source;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? url, int? minutes, bool trusted, bool enabled, CancellationToken cancellationToken)
    {
        var source = await db.Sources.SingleOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        name = name?.Trim();
        var interval = TimeSpan.FromMinutes(minutes ?? source.PollInterval.TotalMinutes);
        var error = string.IsNullOrEmpty(name) || name.Length > 200 ? "A name of 1 to 200 characters is required."
            : !string.IsNullOrWhiteSpace(url) || source.Kind == SourceKind.Feed ? SourceRules.CheckUrl(url)
            : null;
        if (error is null && (interval < SourceRules.MinInterval || interval > SourceRules.MaxInterval))
        {
            error = $"The interval must be between {SourceRules.MinInterval.TotalMinutes:0} minutes and {SourceRules.MaxInterval.TotalDays:0} days.";
        }

        if (error is null && name != source.Name && await db.Sources.AnyAsync(s => s.Name == name, cancellationToken))
        {
            error = $"A source named {name} already exists.";
        }

        if (error is not null)
        {
            TempData["Error"] = error;
            return Redirect($"/admin/sources/{Id}");
        }

        var summary = $"{source.Name}: every {interval.TotalMinutes:0} min, trusted {trusted}, enabled {enabled}";
        source.Name = name!;
        source.Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim();
        source.PollInterval = interval;
        source.TrustedToPublish = trusted;
        source.Enabled = enabled;
        db.Record(User.ToActor(), time.GetUtcNow().UtcDateTime, "source.edit", "source", source.Id, summary);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Flash"] = "Saved.";
        return Redirect($"/admin/sources/{Id}");
    }
}
