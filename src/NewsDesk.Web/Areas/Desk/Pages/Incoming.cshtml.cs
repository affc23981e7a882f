using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Web.Accounts;

namespace NewsDesk.Web.Areas.Desk.Pages;

/// <summary>The queue from ingest: accept as draft, publish, discard, or mark as a duplicate of another story.</summary>
public sealed class IncomingModel(NewsDeskDbContext db, StoryDesk desk) : PageModel
{
    public const int PageSize = 100;

    public int Total { get; private set; }

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var incoming = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Incoming);
        Total = await incoming.CountAsync(cancellationToken);
        var rows = await incoming.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Take(PageSize)
            .Select(a => new { a.Id, a.Version, a.Headline, a.Standfirst, a.CreatedAt, a.ContentHash, a.OriginalUrl, Source = a.SourceName ?? (a.Source == null ? null : a.Source.Name) })
            .ToListAsync(cancellationToken);
        // Likely originals: the same content fingerprint or the same original URL, among stories already on the desk.
        var hashes = rows.Where(r => r.ContentHash != null).Select(r => r.ContentHash).Distinct().ToList();
        var urls = rows.Where(r => r.OriginalUrl != null).Select(r => r.OriginalUrl).Distinct().ToList();
        var matches = hashes.Count + urls.Count == 0 ? [] : await db.Articles.AsNoTracking()
            .Where(a => a.Status != ArticleStatus.Incoming && a.Status != ArticleStatus.Discarded && (hashes.Contains(a.ContentHash) || urls.Contains(a.OriginalUrl)))
            .Select(a => new { a.Id, a.Headline, a.ContentHash, a.OriginalUrl }).Take(500).ToListAsync(cancellationToken);
        Items = [.. rows.Select(r => new Item(r.Id, r.Version, r.Headline, r.Standfirst, r.Source, r.CreatedAt,
            [.. matches.Where(m => (r.ContentHash != null && m.ContentHash == r.ContentHash) || (r.OriginalUrl != null && m.OriginalUrl == r.OriginalUrl)).Select(m => new Candidate(m.Id, m.Headline)).Take(3)]))];
    }

    public async Task<IActionResult> OnPostTriageAsync(int id, Guid version, string act, CancellationToken cancellationToken)
    {
        var action = act switch
        {
            "accept" => StoryAction.Accept,
            "publish" => StoryAction.Publish,
            "discard" => StoryAction.Discard,
            _ => (StoryAction?)null,
        };
        if (action is null)
        {
            TempData["Error"] = "Choose accept, publish or discard.";
            return Redirect("/desk/incoming");
        }

        return Done(await desk.TransitionAsync(id, version, action.Value, User.ToActor(), cancellationToken: cancellationToken), act switch
        {
            "accept" => "Accepted as a draft.",
            "publish" => "Published.",
            _ => "Discarded.",
        });
    }

    public async Task<IActionResult> OnPostDuplicateAsync(int id, Guid version, int originalId, CancellationToken cancellationToken) =>
        Done(await desk.MarkDuplicateAsync(id, version, originalId, User.ToActor(), cancellationToken), $"Discarded as a duplicate of #{originalId}.");

    private IActionResult Done(StoryOutcome outcome, string message)
    {
        switch (outcome.Kind)
        {
            case StoryOutcomeKind.NotFound:
                return NotFound();
            case StoryOutcomeKind.Saved:
                TempData["Flash"] = $"“{outcome.Article!.Headline}”: {message}";
                break;
            case StoryOutcomeKind.Conflict:
                TempData["Error"] = "Someone changed that story meanwhile; look again before deciding.";
                break;
            default:
                TempData["Error"] = string.Join(" ", outcome.Errors.Values);
                break;
        }

        return Redirect("/desk/incoming");
    }

    public sealed record Candidate(int Id, string Headline);

    public sealed record Item(int Id, Guid Version, string Headline, string? Standfirst, string? SourceName, DateTime CreatedAt, IReadOnlyList<Candidate> Candidates);
}
