using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// Runs the tagger so that an editor's accept or reject, and links an editor added, survive whatever it does.
/// The tagger's contract already says so; this makes the guarantee hold even for a tagger that gets it wrong.
/// </summary>
public static class EditorDecisions
{
    public static async Task TagKeepingDecisionsAsync(this IArticleTagger tagger, NewsDeskDbContext db, Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        var kept = article.Terms
            .Where(IsEditorial)
            .Select(l => new Kept(l, db.Entry(l).State, l.Score, l.Origin, l.Decision, l.Evidence))
            .ToList();

        await tagger.TagAsync(article, cancellationToken);

        foreach (var k in kept)
        {
            var current = article.Terms.FirstOrDefault(l => l.TermId == k.Link.TermId) ?? k.Link;
            if (!article.Terms.Contains(current))
            {
                article.Terms.Add(current);
            }

            current.Score = k.Score;
            current.Origin = k.Origin;
            current.Decision = k.Decision;
            current.Evidence = k.Evidence;
            var entry = db.Entry(current);
            if (entry.State is EntityState.Deleted or EntityState.Detached)
            {
                entry.State = k.State == EntityState.Added ? EntityState.Added : EntityState.Modified;
            }
        }
    }

    public static bool IsEditorial(ArticleTerm link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.Decision != LinkDecision.None || link.Origin == LinkOrigin.Editor;
    }

    private sealed record Kept(ArticleTerm Link, EntityState State, double Score, LinkOrigin Origin, LinkDecision Decision, string? Evidence);
}
