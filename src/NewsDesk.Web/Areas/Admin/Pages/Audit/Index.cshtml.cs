using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;

namespace NewsDesk.Web.Areas.Admin.Pages.Audit;

/// <summary>Who did what to which story, tag, user or source, newest first, filtered; paged by id so it stays fast as it grows.</summary>
public sealed class IndexModel(NewsDeskDbContext db, SiteClock clock) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "user")]
    public new string? User { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> KnownActions { get; private set; } = [];

    public long? NextBefore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(User))
        {
            query = query.Where(e => EF.Functions.Like(e.UserName!, LikePattern.Contains(User), LikePattern.EscapeCharacter));
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => EF.Functions.Like(e.Action, LikePattern.Escape(Action.Trim()) + "%", LikePattern.EscapeCharacter));
        }

        if (!string.IsNullOrWhiteSpace(EntityType))
        {
            query = query.Where(e => e.EntityType == EntityType);
        }

        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            query = query.Where(e => e.EntityId == EntityId.Trim());
        }

        // Dates are the site's calendar days.
        if (From is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), clock.Zone);
            query = query.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.Zone);
            query = query.Where(e => e.At < end);
        }

        if (Before is { } before)
        {
            query = query.Where(e => e.Id < before);
        }

        var page = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        NextBefore = page.Count > PageSize ? page[PageSize - 1].Id : null;
        Entries = page.Take(PageSize).ToList();
        KnownActions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).Take(200).ToListAsync(cancellationToken);
    }

    public string OlderUrl(long before) => Url.Page("/Audit/Index", new { area = "Admin", user = User, action = Action, entityType = EntityType, entityId = EntityId, from = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), to = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), before })!;
}
