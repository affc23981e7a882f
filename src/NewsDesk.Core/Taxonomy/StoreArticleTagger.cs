using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Data;
using NewsDesk.Core.Text;
using NewsDesk.Tagging.Tagging;
using NewsDesk.Tagging.Taxonomy;
using NewsDesk.Tagging.Text;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// The tagging engine on the store: tags the article's headline, standfirst and body with the current taxonomy
/// snapshot and turns the results into <see cref="ArticleTerm"/> links of origin Auto, with score and evidence.
/// Links an editor added, accepted or rejected are left alone; automatic links no longer suggested are removed.
/// Creates Tag terms for people, organisations and equipment seen for the first time. Does not save.
/// </summary>
internal sealed class StoreArticleTagger(NewsDeskDbContext db, TaxonomyCache cache, TaxonomySync sync) : IArticleTagger
{
    /// <summary>Below this the tagger's guess is not worth a link (implied-only countries and weak topics sit lower).</summary>
    public const double MinimumScore = 0.1;

    private const int MaxEvidence = 20;
    private static readonly JsonSerializerOptions EvidenceJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task TagAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        await sync.SyncAsync(cancellationToken);
        var taxonomy = await cache.GetAsync(db, cancellationToken);
        var (input, layout) = TaggingInput.Article(article.Headline, article.Standfirst, article.Body);
        var result = Tagger.Tag(taxonomy, input);

        var wanted = new Dictionary<string, (double Score, IReadOnlyList<Evidence> Evidence, EntityResult? Entity)>(StringComparer.Ordinal);
        foreach (var p in result.Countries.Concat(result.Regions))
        {
            wanted[p.Place.Key] = (p.Score, p.Evidence, null);
        }

        foreach (var t in result.Topics)
        {
            wanted[t.Topic.Key] = (t.Score, t.Evidence, null);
        }

        foreach (var e in result.Entities)
        {
            wanted[e.Key] = (e.Score, e.Evidence, e);
        }

        foreach (var key in wanted.Where(w => w.Value.Score < MinimumScore).Select(w => w.Key).ToList())
        {
            wanted.Remove(key);
        }

        var terms = await ResolveTermsAsync(wanted, cancellationToken);
        var links = article.Id == 0
            ? article.Terms.ToList()
            : await db.ArticleTerms.Where(l => l.ArticleId == article.Id).ToListAsync(cancellationToken);
        var byTerm = links.Where(l => l.TermId != 0).ToDictionary(l => l.TermId);
        var suggested = new HashSet<int>();
        foreach (var (key, (score, evidence, _)) in wanted)
        {
            if (!terms.TryGetValue(key, out var term) || term.RetiredAt is not null)
            {
                continue;
            }

            if (term.Id != 0 && !suggested.Add(term.Id))
            {
                continue; // two results merged into one term: the first (higher) wins
            }

            var json = EvidenceToJson(evidence, layout);
            if (term.Id != 0 && byTerm.TryGetValue(term.Id, out var link))
            {
                if (link.Origin == LinkOrigin.Auto && link.Decision == LinkDecision.None)
                {
                    link.Score = score;
                    link.Evidence = json;
                }

                continue;
            }

            var added = new ArticleTerm { Article = article, Term = term, Score = score, Origin = LinkOrigin.Auto, Decision = LinkDecision.None, Evidence = json };
            article.Terms.Add(added);
        }

        foreach (var stale in links.Where(l => l.Origin == LinkOrigin.Auto && l.Decision == LinkDecision.None && l.TermId != 0 && !suggested.Contains(l.TermId)))
        {
            article.Terms.Remove(stale);
            db.ArticleTerms.Remove(stale);
        }
    }

    /// <summary>Terms by result key, following merges; Tag terms are created for entities met for the first time.</summary>
    private async Task<Dictionary<string, Term>> ResolveTermsAsync(Dictionary<string, (double Score, IReadOnlyList<Evidence> Evidence, EntityResult? Entity)> wanted, CancellationToken cancellationToken)
    {
        var keys = wanted.Keys.Where(k => !k.StartsWith("term:", StringComparison.Ordinal)).ToList();
        var ids = wanted.Keys.Where(k => k.StartsWith("term:", StringComparison.Ordinal))
            .Select(k => int.TryParse(k.AsSpan(5), System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        var found = await db.Terms.Where(t => (t.Key != null && keys.Contains(t.Key)) || ids.Contains(t.Id)).ToListAsync(cancellationToken);
        var byKey = new Dictionary<string, Term>(StringComparer.Ordinal);
        foreach (var term in found)
        {
            byKey[term.Key ?? "term:" + term.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = term;
        }

        // Follow merges (an admin merged "N. Kishi" into "Nobuo Kishi"): link the surviving term.
        var mergedIds = found.Where(t => t.MergedIntoId is not null).Select(t => t.MergedIntoId!.Value).Distinct().ToList();
        for (var hops = 0; mergedIds.Count > 0 && hops < 8; hops++)
        {
            var targets = await db.Terms.Where(t => mergedIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
            foreach (var (key, term) in byKey.ToList())
            {
                if (term.MergedIntoId is { } into && targets.TryGetValue(into, out var target))
                {
                    byKey[key] = target;
                }
            }

            mergedIds = [.. targets.Values.Where(t => t.MergedIntoId is not null).Select(t => t.MergedIntoId!.Value).Distinct()];
        }

        var newTags = wanted.Where(w => w.Value.Entity is not null && !byKey.ContainsKey(w.Key)).ToList();
        if (newTags.Count > 0)
        {
            var slugs = (await db.Tags.Select(t => t.Slug).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            foreach (var (key, (_, _, entity)) in newTags)
            {
                var slug = Slugs.From(entity!.Name, Articles.Article.MaxSlugLength);
                if (slug.Length == 0)
                {
                    continue;
                }

                var candidate = slug;
                for (var n = 2; !slugs.Add(candidate); n++)
                {
                    candidate = Slugs.WithSuffix(slug, n, Articles.Article.MaxSlugLength);
                }

                var tag = new Tag(candidate, entity.Name.Length > 200 ? entity.Name[..200] : entity.Name, entity.Kind switch
                {
                    EntityKind.Person => TagKind.Person,
                    EntityKind.Equipment => TagKind.Equipment,
                    EntityKind.Other => TagKind.Other,
                    _ => TagKind.Organisation,
                })
                { Key = key.Length > 100 ? null : key };
                db.Tags.Add(tag);
                byKey[key] = tag;
            }
        }

        return byKey;
    }

    /// <summary>[{"field":"body","text":"Japan","start":10,"end":15}]: offsets within the article's own field.</summary>
    private static string EvidenceToJson(IReadOnlyList<Evidence> evidence, ArticleLayout layout) =>
        JsonSerializer.Serialize(
            evidence.Take(MaxEvidence).Select(e =>
            {
                var (field, start) = layout.Locate(e.Start);
                return new StoredEvidence(field, e.Text, start, start + (e.End - e.Start));
            }),
            EvidenceJson);

    private sealed record StoredEvidence(string Field, string Text, int Start, int End);
}
