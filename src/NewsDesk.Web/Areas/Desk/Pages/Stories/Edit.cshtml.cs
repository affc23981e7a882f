using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Web.Accounts;
using NewsDesk.Web.Desk;
using NewsDesk.Web.Media;

namespace NewsDesk.Web.Areas.Desk.Pages.Stories;

/// <summary>
/// The story editor: text, details, lead image, tag panel and workflow in one form, so nothing typed is lost by
/// clicking a workflow button (each saves first). A stale version is answered with the conflict view (409).
/// </summary>
public sealed class EditModel(NewsDeskDbContext db, StoryDesk desk, LeadImageStore images, SiteClock clock) : PageModel
{
    public const string ConflictReason = "conflict (not applied)";

    [FromRoute]
    public int Id { get; set; }

    [BindProperty]
    public StoryInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    /// <summary>The revision the editor started from: the common ancestor when a conflict must be merged.</summary>
    [BindProperty]
    public int BaseRevision { get; set; }

    [BindProperty]
    public List<ChoiceInput> Choices { get; set; } = [];

    [BindProperty]
    public string? AddTerms { get; set; }

    [BindProperty]
    public bool Retag { get; set; }

    /// <summary>The workflow button pressed, if any: accept, submit, publish, schedule, unpublish, discard, draft.</summary>
    [BindProperty]
    public string? Act { get; set; }

    /// <summary>Scheduled publication in the site's time zone.</summary>
    [BindProperty]
    public DateTime? ScheduleAt { get; set; }

    [BindProperty]
    public IFormFile? Image { get; set; }

    [BindProperty]
    public bool RemoveImage { get; set; }

    [BindProperty]
    public string? ImageAlt { get; set; }

    [BindProperty]
    public string? ImageCaption { get; set; }

    public StoryInfo Info { get; private set; } = null!;

    public IReadOnlyList<LinkView> Links { get; private set; } = [];

    public ConflictView? Conflict { get; private set; }

    public DateTime Now => clock.UtcNow;

    public SiteClock Clock => clock;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().SingleOrDefaultAsync(a => a.Id == Id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Input = StoryInput.From(StoryFields.From(article));
        Version = article.Version;
        ImageAlt = article.LeadImageAlt;
        ImageCaption = article.LeadImageCaption;
        await LoadViewAsync(cancellationToken);
        BaseRevision = Info.LatestRevision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (terms, termErrors) = await db.ResolveAsync(AddTerms, cancellationToken);
        termErrors.ToList().ForEach(e => ModelState.AddModelError(nameof(AddTerms), e));
        var action = ParseAction(Act);
        DateTime? publishAt = null;
        if (Act == "schedule")
        {
            if (ScheduleAt is not { } local)
            {
                ModelState.AddModelError(nameof(ScheduleAt), "Choose when to publish.");
            }
            else
            {
                publishAt = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), clock.Zone);
                if (publishAt <= clock.UtcNow)
                {
                    ModelState.AddModelError(nameof(ScheduleAt), "A scheduled time must be in the future; use Publish now instead.");
                }
            }
        }

        LeadImageUpload? newImage = null;
        if (ModelState.IsValid && Image is { Length: > 0 })
        {
            await using var stream = Image.OpenReadStream();
            var stored = await images.SaveAsync(stream, Image.Length, cancellationToken);
            if (stored.Error is not null)
            {
                ModelState.AddModelError(nameof(Image), stored.Error);
            }

            newImage = stored.Image;
        }

        if (!ModelState.IsValid)
        {
            return await RedisplayAsync(cancellationToken);
        }

        var save = new StorySave(Input.ToFields(), [.. Choices.Select(c => new TagChoice(c.TermId, c.Decision))], terms, Retag, newImage, RemoveImage, ImageAlt, ImageCaption);
        var actor = User.ToActor();
        var outcome = await desk.SaveAsync(Id, Version, save, actor, cancellationToken);
        switch (outcome.Kind)
        {
            case StoryOutcomeKind.NotFound:
                return NotFound();
            case StoryOutcomeKind.Conflict:
                await BuildConflictAsync(outcome.Article!, cancellationToken);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case StoryOutcomeKind.Invalid:
                AddErrors(outcome.Errors);
                return await RedisplayAsync(cancellationToken);
        }

        AddTerms = null;
        TempData["Flash"] = "Saved.";
        if (action is { } act)
        {
            var moved = await desk.TransitionAsync(Id, outcome.Article!.Version, act, actor, publishAt, cancellationToken);
            if (moved.Succeeded)
            {
                TempData["Flash"] = act switch
                {
                    StoryAction.Publish when publishAt is { } at => $"Saved and scheduled for {clock.Display(at)}.",
                    StoryAction.Publish => "Saved and published.",
                    StoryAction.Submit => "Saved and sent for review.",
                    StoryAction.Unpublish => "Unpublished: readers no longer see this story.",
                    StoryAction.Discard => "Discarded.",
                    StoryAction.Accept => "Accepted as a draft.",
                    _ => "Saved and returned to draft.",
                };
            }
            else
            {
                TempData["Error"] = "Saved, but " + string.Join(" ", moved.Errors.Values);
            }
        }

        return Redirect($"/desk/stories/{Id}");
    }

    public static StoryAction? ParseAction(string? act) => act switch
    {
        "accept" => StoryAction.Accept,
        "submit" => StoryAction.Submit,
        "publish" or "schedule" => StoryAction.Publish,
        "unpublish" => StoryAction.Unpublish,
        "discard" => StoryAction.Discard,
        "draft" => StoryAction.ReturnToDraft,
        _ => null,
    };

    public string GroupOf(LinkView link) => link.Type switch
    {
        TermType.Region when link.RegionKind is RegionKind.Country or RegionKind.Subdivision => "Countries",
        TermType.Region => "Regions and theatres",
        TermType.Topic => "Topics",
        _ => "Entities",
    };

    public IReadOnlyList<Microsoft.AspNetCore.Html.IHtmlContent> EvidenceFor(LinkView link) =>
        Evidence.Excerpts(link.Evidence, 3, Input.Headline ?? "", Input.Standfirst ?? "", Input.Body ?? "");

    private async Task<IActionResult> RedisplayAsync(CancellationToken cancellationToken)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == Id, cancellationToken))
        {
            return NotFound();
        }

        await LoadViewAsync(cancellationToken);
        OverlayChoices();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private void AddErrors(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors)
        {
            var key = field switch
            {
                "ImageAlt" => nameof(ImageAlt),
                "Tags" => nameof(AddTerms),
                "Status" or "DuplicateOf" => "",
                _ => $"{nameof(Input)}.{field}",
            };
            ModelState.AddModelError(key, message);
        }
    }

    /// <summary>Keeps the editor's unsaved accept/reject choices when the form is shown again.</summary>
    private void OverlayChoices()
    {
        var posted = Choices.ToDictionary(c => c.TermId, c => c.Decision);
        Links = [.. Links.Select(l => posted.TryGetValue(l.TermId, out var d) ? l with { Decision = d } : l)];
    }

    private async Task LoadViewAsync(CancellationToken cancellationToken)
    {
        Info = await db.Articles.AsNoTracking().Where(a => a.Id == Id)
            .Select(a => new StoryInfo(
                a.Id, a.Slug, a.Status, a.PublishedAt, a.CreatedAt, a.ModifiedAt, a.UpdatedAt, a.CorrectedAt,
                a.LeadImageKey, a.LeadImageWidth, a.LeadImageHeight, a.DuplicateOfId,
                a.Source == null ? null : a.Source.Name,
                a.Revisions.Count,
                a.Revisions.Where(r => r.Reason != ConflictReason).Max(r => (int?)r.Number) ?? 0))
            .SingleAsync(cancellationToken);
        Links = await db.ArticleTerms.AsNoTracking().Where(l => l.ArticleId == Id)
            .OrderByDescending(l => l.Decision == LinkDecision.Accepted).ThenByDescending(l => l.Score).ThenBy(l => l.Term.Name)
            .Select(l => new LinkView(
                l.TermId, l.Term.Name, l.Term.Slug, l.Term.Type,
                l.Term.Type == TermType.Region ? (RegionKind?)((Region)l.Term).Kind : null,
                l.Term.Type == TermType.Tag ? (TagKind?)((Tag)l.Term).Kind : null,
                l.Score, l.Origin, l.Decision, l.Evidence, l.Term.RetiredAt != null))
            .ToListAsync(cancellationToken);
    }

    private async Task BuildConflictAsync(Article current, CancellationToken cancellationToken)
    {
        var theirs = StoryFields.From(current);
        var mine = Input.ToFields().Normalized();
        var baseRevision = await db.ArticleRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.ArticleId == Id && r.Number == BaseRevision, cancellationToken);
        var ancestor = baseRevision is null ? null : StoryFields.From(baseRevision);
        var latest = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == Id && r.Reason != ConflictReason)
            .OrderByDescending(r => r.Number).Select(r => new { r.Number, r.Author, r.CreatedAt }).FirstAsync(cancellationToken);
        var kept = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == Id && r.Reason == ConflictReason)
            .MaxAsync(r => (int?)r.Number, cancellationToken);

        var fields = new List<ConflictField>();
        string? Merge(string key, string label, string? t, string? m, string? b, bool multiline)
        {
            if (TextDiff.Same(t, m))
            {
                return t;
            }

            var onlyTheirs = ancestor is not null && TextDiff.Same(m, b);
            var onlyMine = ancestor is not null && TextDiff.Same(t, b);
            fields.Add(new ConflictField(key, label, t, m, !onlyTheirs && !onlyMine, onlyTheirs, multiline));
            return onlyTheirs ? t : m;
        }

        var merged = new StoryFields(
            Merge("Headline", "Headline", theirs.Headline, mine.Headline, ancestor?.Headline, false) ?? "",
            Merge("Standfirst", "Standfirst", theirs.Standfirst, mine.Standfirst, ancestor?.Standfirst, true),
            Merge("Slug", "Slug", theirs.Slug, mine.Slug ?? theirs.Slug, ancestor?.Slug, false),
            Merge("Byline", "Byline", theirs.Byline, mine.Byline, ancestor?.Byline, false),
            Merge("ImageCredit", "Image credit", theirs.ImageCredit, mine.ImageCredit, ancestor?.ImageCredit, false),
            Merge("SourceName", "Source", theirs.SourceName, mine.SourceName, ancestor?.SourceName, false),
            Merge("OriginalUrl", "Original URL", theirs.OriginalUrl, mine.OriginalUrl, ancestor?.OriginalUrl, false),
            Merge("Body", "Body", theirs.Body, mine.Body, ancestor?.Body, true) ?? "",
            Merge("CorrectionNote", "Correction note", theirs.CorrectionNote, mine.CorrectionNote, ancestor?.CorrectionNote, true));

        ModelState.Clear();
        Input = StoryInput.From(merged);
        Version = current.Version;
        BaseRevision = latest.Number;
        await LoadViewAsync(cancellationToken);
        OverlayChoices();
        Conflict = new ConflictView(latest.Author ?? "someone", latest.CreatedAt, latest.Number, kept, fields);
    }

    public sealed class ChoiceInput
    {
        public int TermId { get; set; }

        public LinkDecision Decision { get; set; }
    }

    public sealed record StoryInfo(
        int Id, string Slug, ArticleStatus Status, DateTime? PublishedAt, DateTime CreatedAt, DateTime ModifiedAt, DateTime? UpdatedAt, DateTime? CorrectedAt,
        string? ImageKey, int? ImageWidth, int? ImageHeight, int? DuplicateOfId, string? Source, int RevisionCount, int LatestRevision)
    {
        public bool IsScheduled(DateTime now) => Status == ArticleStatus.Published && PublishedAt > now;

        public bool IsPublic(DateTime now) => Status == ArticleStatus.Published && PublishedAt <= now;
    }

    public sealed record LinkView(
        int TermId, string Name, string Slug, TermType Type, RegionKind? RegionKind, TagKind? TagKind,
        double Score, LinkOrigin Origin, LinkDecision Decision, string? Evidence, bool Retired)
    {
        public string KindLabel => Humanize(RegionKind?.ToString() ?? TagKind?.ToString() ?? Type.ToString());

        /// <summary>"DisputedTerritory" → "Disputed territory".</summary>
        private static string Humanize(string name) =>
            string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
    }

    public sealed record ConflictField(string Key, string Label, string? Theirs, string? Mine, bool BothChanged, bool TookTheirs, bool Multiline);

    public sealed record ConflictView(string Author, DateTime At, int TheirRevision, int? KeptRevision, IReadOnlyList<ConflictField> Fields);
}
