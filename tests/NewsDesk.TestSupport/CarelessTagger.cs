using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.TestSupport;

/// <summary>A tagger that breaks the contract (it throws every link away and suggests afresh), to prove editor decisions survive anyway.</summary>
public sealed class CarelessTagger(NewsDeskDbContext db) : IArticleTagger
{
    public async Task TagAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        foreach (var link in article.Terms.ToList())
        {
            article.Terms.Remove(link);
        }

        var first = await db.Terms.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).Take(50).ToListAsync(cancellationToken);
        foreach (var id in first)
        {
            article.Terms.Add(new ArticleTerm { TermId = id, Score = 0.9, Origin = LinkOrigin.Auto, Decision = LinkDecision.None, Evidence = "[]" });
        }
    }
}
