using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Taxonomy;

namespace NewsDesk.TestSupport;

/// <summary>
/// A small, honest <see cref="IArticleTagger"/> for desk tests while the real engine is elsewhere: every current term
/// whose name or alias occurs in the body is suggested, scored by how often, with evidence spans
/// <c>{text,start,end}</c> into the body. It keeps the contract: links an editor decided are left alone.
/// </summary>
public sealed class KeywordTagger(NewsDeskDbContext db) : IArticleTagger
{
    public async Task TagAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        var terms = (await db.Terms.AsNoTracking().Where(t => t.RetiredAt == null && t.MergedIntoId == null)
            .Select(t => new { t.Id, t.Name, Aliases = t.Aliases.Select(a => a.Name).ToList() }).ToListAsync(cancellationToken))
            .Select(t => new { t.Id, Names = t.Aliases.Append(t.Name).ToList() });
        var found = new Dictionary<int, List<Span>>();
        foreach (var term in terms)
        {
            var spans = term.Names
                .SelectMany(n => Regex.Matches(article.Body, $@"\b{Regex.Escape(n)}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                .Select(m => new Span(m.Value, m.Index, m.Index + m.Length)).ToList();
            if (spans.Count > 0)
            {
                found[term.Id] = spans;
            }
        }

        foreach (var link in article.Terms.Where(l => l.Origin == LinkOrigin.Auto && l.Decision == LinkDecision.None && !found.ContainsKey(l.TermId)).ToList())
        {
            article.Terms.Remove(link);
        }

        foreach (var (termId, spans) in found)
        {
            var link = article.Terms.FirstOrDefault(l => l.TermId == termId);
            if (link is null)
            {
                link = new ArticleTerm { TermId = termId, Origin = LinkOrigin.Auto, Decision = LinkDecision.None };
                article.Terms.Add(link);
            }
            else if (link.Decision != LinkDecision.None || link.Origin == LinkOrigin.Editor)
            {
                continue;
            }

            link.Score = Math.Min(1, 0.35 + (0.2 * spans.Count));
            link.Evidence = JsonSerializer.Serialize(spans);
        }
    }

    private sealed record Span(string text, int start, int end);
}

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
