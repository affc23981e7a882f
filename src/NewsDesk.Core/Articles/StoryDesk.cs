using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Core.Articles;

/// <summary>Workflow actions the desk offers on a story.</summary>
public enum StoryAction
{
    /// <summary>Incoming → Draft.</summary>
    Accept,

    /// <summary>Draft → In review.</summary>
    Submit,

    /// <summary>In review, Unpublished or Discarded → Draft.</summary>
    ReturnToDraft,

    /// <summary>Now, or at a scheduled time.</summary>
    Publish,
    Unpublish,
    Discard,
}

/// <summary>
/// Every change the desk makes to a story: create, save (with a revision each time, the editor's tag decisions,
/// optional re-tagging and slug redirects), and the workflow Draft → In review → Published. Each call is one
/// transaction with its audit entry; a stale <c>version</c> is refused as a conflict, so no update is lost.
/// </summary>
public sealed class StoryDesk(NewsDeskDbContext db, IArticleTagger tagger, TimeProvider time)
{
    public async Task<StoryOutcome> CreateAsync(StoryFields fields, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(actor);
        fields = fields.Normalized();
        var errors = fields.Validate();
        if (errors.Count > 0)
        {
            return StoryOutcome.Invalid(errors);
        }

        var now = Now;
        string slug;
        if (fields.Slug is { } wanted)
        {
            if (await SlugTakenAsync(wanted, null, cancellationToken))
            {
                return StoryOutcome.Invalid(nameof(StoryFields.Slug), $"The slug '{wanted}' is already used by another story.");
            }

            slug = wanted;
        }
        else
        {
            slug = await ArticleSlugs.FreeSlugAsync(db, fields.Headline, cancellationToken: cancellationToken);
        }

        var article = new Article(slug, fields.Headline, fields.Body, ArticleStatus.Draft, now);
        Apply(article, fields with { Slug = slug }, now);
        db.Articles.Add(article);
        await tagger.TagKeepingDecisionsAsync(db, article, cancellationToken);
        article.Revisions.Add(article.Snapshot(1, now, "create", actor.Name));
        // The audit entry names the new id, so the article is saved first; one transaction keeps them together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.Record(actor, now, "article.create", "article", article.Id, article.Headline);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return StoryOutcome.Saved(article);
    }

    public async Task<StoryOutcome> SaveAsync(int id, Guid version, StorySave save, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(save);
        ArgumentNullException.ThrowIfNull(actor);
        var fields = save.Fields.Normalized();
        var article = await LoadAsync(id, cancellationToken);
        if (article is null)
        {
            return StoryOutcome.NotFound();
        }

        var now = Now;
        if (article.Version != version)
        {
            await KeepRefusedAsync(article, fields, actor, now, cancellationToken);
            return StoryOutcome.Conflict(article);
        }

        var errors = fields.Validate();
        var imageAlt = save.ImageAlt?.Trim();
        var hasImage = !save.RemoveImage && (save.NewImage is not null || article.LeadImageKey is not null);
        if (hasImage && string.IsNullOrWhiteSpace(imageAlt))
        {
            errors["ImageAlt"] = "Describe the image for readers who cannot see it (alt text is required).";
        }
        else if (imageAlt is { Length: > Article.MaxAltLength })
        {
            errors["ImageAlt"] = $"The alt text is longer than {Article.MaxAltLength} characters.";
        }

        var slug = fields.Slug ?? article.Slug;
        if (slug != article.Slug && await SlugTakenAsync(slug, article.Id, cancellationToken))
        {
            errors[nameof(StoryFields.Slug)] = $"The slug '{slug}' is already used by another story.";
        }

        if (errors.Count > 0)
        {
            return StoryOutcome.Invalid(errors);
        }

        var before = StoryFields.From(article);
        if (slug != article.Slug)
        {
            await MoveSlugAsync(article, slug, now, cancellationToken);
        }

        Apply(article, fields with { Slug = slug }, now);
        if (article.IsPublic(now) && (before.Headline != fields.Headline || before.Standfirst != fields.Standfirst || before.Body != fields.Body || before.CorrectionNote != fields.CorrectionNote))
        {
            article.UpdatedAt = now;
        }

        if (save.RemoveImage)
        {
            article.RemoveLeadImage();
        }
        else if (save.NewImage is { } image)
        {
            article.SetLeadImage(image.Key, image.Width, image.Height, imageAlt!, Clean(save.ImageCaption));
        }
        else if (article.LeadImageKey is not null)
        {
            article.LeadImageAlt = imageAlt;
            article.LeadImageCaption = Clean(save.ImageCaption);
        }

        var (tagErrors, tagsChanged) = await ApplyTagChoicesAsync(article, save.TagChoices, save.AddTermIds, cancellationToken);
        if (tagErrors is not null)
        {
            db.ChangeTracker.Clear();
            return StoryOutcome.Invalid("Tags", tagErrors);
        }

        if (save.Retag)
        {
            await tagger.TagKeepingDecisionsAsync(db, article, cancellationToken);
        }

        var summary = Summary(before, StoryFields.From(article), save, tagsChanged);
        return save.RestoredRevision is { } restored
            ? await CommitAsync(article, string.Create(CultureInfo.InvariantCulture, $"restore of revision {restored}"), "article.restore", string.Create(CultureInfo.InvariantCulture, $"restored revision {restored}; {summary}"), actor, now, cancellationToken)
            : await CommitAsync(article, "edit", "article.save", summary, actor, now, cancellationToken);
    }

    public async Task<StoryOutcome> TransitionAsync(int id, Guid version, StoryAction action, Actor actor, DateTime? publishAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var article = await LoadAsync(id, cancellationToken);
        if (article is null)
        {
            return StoryOutcome.NotFound();
        }

        if (article.Version != version)
        {
            return StoryOutcome.Conflict(article);
        }

        var now = Now;
        var from = article.Status;
        string? summary = null;
        switch (action)
        {
            case StoryAction.Accept when from == ArticleStatus.Incoming:
                article.MoveTo(ArticleStatus.Draft);
                break;
            case StoryAction.Submit when from == ArticleStatus.Draft:
                article.MoveTo(ArticleStatus.InReview);
                break;
            case StoryAction.ReturnToDraft when from is ArticleStatus.InReview or ArticleStatus.Unpublished or ArticleStatus.Discarded:
                article.MoveTo(ArticleStatus.Draft);
                break;
            case StoryAction.Publish when from is ArticleStatus.Incoming or ArticleStatus.Draft or ArticleStatus.InReview or ArticleStatus.Unpublished
                || (from == ArticleStatus.Published && article.PublishedAt > now):
                var at = publishAt ?? (article.PublishedAt is { } earlier && earlier <= now ? earlier : now);
                if (publishAt is null && article.PublishedAt <= now && from == ArticleStatus.Unpublished)
                {
                    article.UpdatedAt = now;
                }

                article.Publish(at);
                summary = at > now ? $"scheduled for {at:yyyy-MM-dd HH:mm} UTC" : null;
                break;
            case StoryAction.Unpublish when from == ArticleStatus.Published:
                article.MoveTo(ArticleStatus.Unpublished);
                break;
            case StoryAction.Discard when from is ArticleStatus.Incoming or ArticleStatus.Draft or ArticleStatus.InReview or ArticleStatus.Unpublished:
                article.MoveTo(ArticleStatus.Discarded);
                break;
            default:
                return StoryOutcome.Invalid("Status", $"A story that is {Describe(from)} cannot be {Verb(action)}.");
        }

        var verb = action.ToString().ToLowerInvariant();
        return await CommitAsync(article, verb, "article." + verb, summary ?? $"{Describe(from)} → {Describe(article.Status)}", actor, now, cancellationToken);
    }

    /// <summary>Discards an incoming (or draft) story as a duplicate of another story.</summary>
    public async Task<StoryOutcome> MarkDuplicateAsync(int id, Guid version, int originalId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var article = await LoadAsync(id, cancellationToken);
        if (article is null)
        {
            return StoryOutcome.NotFound();
        }

        if (article.Version != version)
        {
            return StoryOutcome.Conflict(article);
        }

        if (article.Status is not (ArticleStatus.Incoming or ArticleStatus.Draft or ArticleStatus.InReview))
        {
            return StoryOutcome.Invalid("Status", $"A story that is {Describe(article.Status)} cannot be marked as a duplicate.");
        }

        var original = await db.Articles.SingleOrDefaultAsync(a => a.Id == originalId, cancellationToken);
        if (original is null || original.Id == article.Id)
        {
            return StoryOutcome.Invalid("DuplicateOf", "Choose another existing story as the original.");
        }

        article.MarkDuplicateOf(original);
        return await CommitAsync(article, "duplicate", "article.duplicate", $"duplicate of #{original.Id} {original.Headline}", actor, Now, cancellationToken);
    }

    public static string Describe(ArticleStatus status) => status switch
    {
        ArticleStatus.InReview => "in review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Verb(StoryAction action) => action switch
    {
        StoryAction.Accept => "accepted as a draft",
        StoryAction.Submit => "sent for review",
        StoryAction.ReturnToDraft => "returned to draft",
        StoryAction.Publish => "published",
        StoryAction.Unpublish => "unpublished",
        StoryAction.Discard => "discarded",
        _ => action.ToString(),
    };

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<Article?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Articles.Include(a => a.Terms).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    private async Task<StoryOutcome> CommitAsync(Article article, string reason, string auditAction, string? summary, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        article.Touch(now);
        var number = await NextRevisionAsync(article.Id, cancellationToken);
        db.ArticleRevisions.Add(article.Snapshot(number, now, reason, actor.Name));
        db.Record(actor, now, auditAction, "article", article.Id, Trim($"{article.Headline}: {summary}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between our read and our write: the same answer as a stale form.
            db.ChangeTracker.Clear();
            var current = await LoadAsync(article.Id, cancellationToken);
            return current is null ? StoryOutcome.NotFound() : StoryOutcome.Conflict(current);
        }
        catch (DbUpdateException)
        {
            // The unique slug index: a concurrent save claimed the same slug after our check.
            var slug = article.Slug;
            db.ChangeTracker.Clear();
            if (await SlugTakenAsync(slug, article.Id, cancellationToken))
            {
                return StoryOutcome.Invalid(nameof(StoryFields.Slug), $"The slug '{slug}' was just taken by another story.");
            }

            throw;
        }

        return StoryOutcome.Saved(article);
    }

    /// <summary>The refused side of a conflict is kept as a revision, so it survives a closed browser tab.</summary>
    private async Task KeepRefusedAsync(Article current, StoryFields mine, Actor actor, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var number = await NextRevisionAsync(current.Id, cancellationToken);
        db.ArticleRevisions.Add(new ArticleRevision
        {
            ArticleId = current.Id,
            Number = number,
            CreatedAt = now,
            Reason = "conflict (not applied)",
            Author = actor.Name,
            Slug = mine.Slug ?? current.Slug,
            Headline = mine.Headline.Length == 0 ? current.Headline : mine.Headline[..Math.Min(mine.Headline.Length, Article.MaxHeadlineLength)],
            Standfirst = mine.Standfirst,
            Body = mine.Body,
            Byline = mine.Byline,
            ImageCredit = mine.ImageCredit,
            SourceName = mine.SourceName,
            OriginalUrl = mine.OriginalUrl,
            CorrectionNote = mine.CorrectionNote,
            Status = current.Status,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A racing save took the revision number; the editor still has the text on the conflict page.
        }

        db.ChangeTracker.Clear();
    }

    private async Task<int> NextRevisionAsync(int articleId, CancellationToken cancellationToken) =>
        (await db.ArticleRevisions.Where(r => r.ArticleId == articleId).MaxAsync(r => (int?)r.Number, cancellationToken) ?? 0) + 1;

    private async Task<bool> SlugTakenAsync(string slug, int? articleId, CancellationToken cancellationToken) =>
        await db.Articles.AnyAsync(a => a.Slug == slug && a.Id != articleId, cancellationToken)
        || await db.SlugRedirects.AnyAsync(r => r.Kind == SlugKind.Article && r.FromSlug == slug && r.TargetId != articleId, cancellationToken);

    /// <summary>A story readers may have seen keeps its old address as a permanent redirect.</summary>
    private async Task MoveSlugAsync(Article article, string slug, DateTime now, CancellationToken cancellationToken)
    {
        var own = await db.SlugRedirects.Where(r => r.Kind == SlugKind.Article && r.FromSlug == slug && r.TargetId == article.Id).ToListAsync(cancellationToken);
        db.SlugRedirects.RemoveRange(own);
        if (article.PublishedAt is not null && article.Status is ArticleStatus.Published or ArticleStatus.Unpublished)
        {
            db.SlugRedirects.Add(new SlugRedirect { Kind = SlugKind.Article, FromSlug = article.Slug, TargetId = article.Id, CreatedAt = now });
        }

        article.Slug = slug;
    }

    private static void Apply(Article article, StoryFields fields, DateTime now)
    {
        article.Headline = fields.Headline;
        article.Standfirst = fields.Standfirst;
        article.Slug = fields.Slug!;
        article.Byline = fields.Byline;
        article.ImageCredit = fields.ImageCredit;
        article.SourceName = fields.SourceName;
        article.OriginalUrl = fields.OriginalUrl;
        article.Body = fields.Body;
        article.SetCorrection(fields.CorrectionNote, now);
    }

    private async Task<(string? Error, bool Changed)> ApplyTagChoicesAsync(Article article, IReadOnlyList<TagChoice> choices, IReadOnlyList<int> additions, CancellationToken cancellationToken)
    {
        var wanted = choices.Select(c => c.TermId).Concat(additions).Distinct().ToList();
        if (wanted.Count == 0)
        {
            return (null, false);
        }

        var changed = false;
        var terms = await db.Terms.Where(t => wanted.Contains(t.Id)).Select(t => new { t.Id, t.Name, t.MergedIntoId, t.RetiredAt }).ToDictionaryAsync(t => t.Id, cancellationToken);
        var missing = wanted.Where(id => !terms.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            return ($"No such region, topic or tag: #{string.Join(", #", missing)}.", false);
        }

        foreach (var choice in choices)
        {
            var link = article.Terms.FirstOrDefault(l => l.TermId == choice.TermId);
            if (link is null)
            {
                // A re-tag may have dropped the suggestion meanwhile: the editor's decision still stands.
                if (choice.Decision != LinkDecision.None)
                {
                    article.Terms.Add(new ArticleTerm { TermId = choice.TermId, Score = 1, Origin = LinkOrigin.Editor, Decision = choice.Decision });
                    changed = true;
                }
            }
            else if (choice.Decision == LinkDecision.None && link.Origin == LinkOrigin.Editor)
            {
                article.Terms.Remove(link);
                changed = true;
            }
            else if (link.Decision != choice.Decision)
            {
                link.Decision = choice.Decision;
                changed = true;
            }
        }

        foreach (var termId in additions)
        {
            var term = terms[termId];
            if (term.MergedIntoId is not null || term.RetiredAt is not null)
            {
                return ($"'{term.Name}' is retired or merged; choose the current name.", false);
            }

            var link = article.Terms.FirstOrDefault(l => l.TermId == termId);
            if (link is null)
            {
                article.Terms.Add(new ArticleTerm { TermId = termId, Score = 1, Origin = LinkOrigin.Editor, Decision = LinkDecision.Accepted });
                changed = true;
            }
            else if (link.Decision != LinkDecision.Accepted)
            {
                link.Decision = LinkDecision.Accepted;
                changed = true;
            }
        }

        return (null, changed);
    }

    private static string Summary(StoryFields before, StoryFields after, StorySave save, bool tagsChanged)
    {
        var changed = new List<string>();
        void Check(string name, string? a, string? b)
        {
            if (a != b)
            {
                changed.Add(name);
            }
        }

        Check("headline", before.Headline, after.Headline);
        Check("standfirst", before.Standfirst, after.Standfirst);
        Check("slug", before.Slug, after.Slug);
        Check("byline", before.Byline, after.Byline);
        Check("image credit", before.ImageCredit, after.ImageCredit);
        Check("source", before.SourceName, after.SourceName);
        Check("original URL", before.OriginalUrl, after.OriginalUrl);
        Check("body", before.Body, after.Body);
        Check("correction", before.CorrectionNote, after.CorrectionNote);
        if (save.NewImage is not null || save.RemoveImage)
        {
            changed.Add("lead image");
        }

        if (tagsChanged)
        {
            changed.Add("tags");
        }

        if (save.Retag)
        {
            changed.Add("re-tagged");
        }

        return changed.Count == 0 ? "saved without changes" : "changed " + string.Join(", ", changed);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Trim(string value) => value.Length > 1900 ? value[..1900] + "…" : value;
}
