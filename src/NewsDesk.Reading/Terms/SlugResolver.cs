using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.Reading.Terms;

/// <summary>Where an unknown slug went: an old article slug, a renamed term, or a term merged into another.</summary>
public sealed class SlugResolver(NewsDeskDbContext db)
{
    private const int MaxHops = 8;

    /// <summary>The current slug of the published article that <paramref name="slug"/> used to name, or null.</summary>
    public async Task<string?> ArticleAsync(string slug, DateTime now, CancellationToken cancellationToken)
    {
        var targetId = await db.SlugRedirects.AsNoTracking()
            .Where(r => r.Kind == SlugKind.Article && r.FromSlug == slug)
            .Select(r => (int?)r.TargetId)
            .FirstOrDefaultAsync(cancellationToken);
        return targetId is null
            ? null
            : await db.Articles.AsNoTracking()
                .Where(a => a.Id == targetId && a.Status == ArticleStatus.Published && a.PublishedAt <= now && a.Slug != slug)
                .Select(a => a.Slug)
                .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The current slug of the live term that <paramref name="slug"/> names through a redirect or a merge, or null.</summary>
    public async Task<string?> TermAsync(TermType type, string slug, CancellationToken cancellationToken)
    {
        var kind = type switch
        {
            TermType.Region => SlugKind.Region,
            TermType.Topic => SlugKind.Topic,
            _ => SlugKind.Tag,
        };
        int? id = await db.SlugRedirects.AsNoTracking()
            .Where(r => r.Kind == kind && r.FromSlug == slug)
            .Select(r => (int?)r.TargetId)
            .FirstOrDefaultAsync(cancellationToken);
        id ??= await db.Terms.AsNoTracking()
            .Where(t => t.Type == type && t.Slug == slug && t.MergedIntoId != null)
            .Select(t => t.MergedIntoId)
            .FirstOrDefaultAsync(cancellationToken);

        for (var hop = 0; id is not null && hop < MaxHops; hop++)
        {
            var term = await db.Terms.AsNoTracking()
                .Where(t => t.Id == id)
                .Select(t => new { t.Slug, t.Type, t.MergedIntoId, t.RetiredAt })
                .FirstOrDefaultAsync(cancellationToken);
            if (term is null || term.Type != type)
            {
                return null;
            }

            if (term.MergedIntoId is null)
            {
                return term.RetiredAt is null && term.Slug != slug ? term.Slug : null;
            }

            id = term.MergedIntoId;
        }

        return null;
    }
}
