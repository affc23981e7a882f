using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
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
/// A batch (<see cref="TagAllAsync(IReadOnlyList{Article}, IReadOnlyList{TagSuggestions?}, CancellationToken)"/>) reads the taxonomy once and resolves all its terms in one query.
/// </summary>
internal sealed class StoreArticleTagger(NewsDeskDbContext db, TaxonomyCache cache, TaxonomySync sync) : IArticleTagger
{
    /// <summary>Below this the tagger's guess is not worth a link (implied-only countries and weak topics sit lower).</summary>
    public const double MinimumScore = 0.1;

    /// <summary>
    /// Evidence spans stored per link, in text order: the desk shows three excerpts, and the engine's full list (up to
    /// 40) is the CLI's. At 20 the evidence was a third of an ingested store's size (52 MB of 166 MB at 10,000 stories).
    /// </summary>
    private const int MaxEvidence = 8;

    /// <summary>The built-in taxonomy only ever moves forward, so one check per scope (request, ingest batch) is enough.</summary>
    private bool _synced;

    /// <summary>Tags this scope created and has not seen saved yet: a second batch in the same unit of work must not create them again.</summary>
    private readonly Dictionary<string, Tag> _created = new(StringComparer.Ordinal);

    /// <summary>A suggestion: its score, its evidence as stored (JSON), and the entity when it may need a new tag.</summary>
    private sealed record Wanted(double Score, string Evidence, EntityResult? Entity);

    public Task TagAsync(Article article, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(article);
        return TagAllAsync([article], cancellationToken);
    }

    public Task TagAllAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default) =>
        TagAllAsync(articles, new TagSuggestions?[articles?.Count ?? 0], cancellationToken);

    public async Task<IReadOnlyList<TagSuggestions>?> SuggestAllAsync(IReadOnlyList<ArticleText> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var taxonomy = await TaxonomyAsync(cancellationToken);
        var suggestions = new TagSuggestions[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { CancellationToken = cancellationToken }, i => suggestions[i] = Suggest(taxonomy, texts[i]));
        return suggestions;
    }

    public async Task TagAllAsync(IReadOnlyList<Article> articles, IReadOnlyList<TagSuggestions?> suggestions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentNullException.ThrowIfNull(suggestions);
        if (suggestions.Count != articles.Count)
        {
            throw new ArgumentException("One suggestion (or null) per article is expected.", nameof(suggestions));
        }

        if (articles.Count == 0)
        {
            return;
        }

        var taxonomy = await TaxonomyAsync(cancellationToken);

        // The engine is pure and thread-safe: what was not suggested ahead (or under another taxonomy) is tagged on every core.
        var tagged = new Dictionary<string, Wanted>[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var article = articles[i];
            var text = new ArticleText(article.Headline, article.Standfirst, article.Body);
            tagged[i] = (suggestions[i] is Suggested ahead && ahead.Taxonomy == taxonomy && ahead.Text == text ? ahead : Suggest(taxonomy, text)).Wanted;
        });
        var allWanted = new Dictionary<string, Wanted>(StringComparer.Ordinal);
        foreach (var wanted in tagged)
        {
            foreach (var (key, w) in wanted)
            {
                allWanted.TryAdd(key, w);
            }
        }

        var terms = await ResolveTermsAsync(allWanted, cancellationToken);
        var storedIds = articles.Where(a => a.Id != 0).Select(a => a.Id).Distinct().ToList();
        var stored = storedIds.Count == 0
            ? Enumerable.Empty<ArticleTerm>().ToLookup(l => l.ArticleId)
            : (await db.ArticleTerms.Where(l => storedIds.Contains(l.ArticleId)).ToListAsync(cancellationToken)).ToLookup(l => l.ArticleId);
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            Apply(article, article.Id == 0 ? [.. article.Terms] : [.. stored[article.Id]], tagged[i], terms);
        }
    }

    private async Task<TaxonomySnapshot> TaxonomyAsync(CancellationToken cancellationToken)
    {
        if (!_synced)
        {
            await sync.SyncAsync(cancellationToken);
            _synced = true;
        }

        return await cache.GetAsync(db, cancellationToken);
    }

    private static Suggested Suggest(TaxonomySnapshot taxonomy, ArticleText text)
    {
        var (input, layout) = TaggingInput.Article(text.Headline, text.Standfirst, text.Body);
        return new Suggested(taxonomy, text, Suggestions(Tagger.Tag(taxonomy, input), layout));
    }

    /// <summary>Suggestions with the taxonomy snapshot and the text they were made for (the article may have been trimmed since).</summary>
    private sealed class Suggested(TaxonomySnapshot taxonomy, ArticleText text, Dictionary<string, Wanted> wanted) : TagSuggestions
    {
        public TaxonomySnapshot Taxonomy { get; } = taxonomy;

        public ArticleText Text { get; } = text;

        public Dictionary<string, Wanted> Wanted { get; } = wanted;
    }

    private static Dictionary<string, Wanted> Suggestions(TaggingResult result, ArticleLayout layout)
    {
        var wanted = new Dictionary<string, Wanted>(StringComparer.Ordinal);
        foreach (var p in result.Countries.Concat(result.Regions).Where(p => p.Score >= MinimumScore))
        {
            wanted[p.Place.Key] = new Wanted(p.Score, EvidenceToJson(p.Evidence, layout), null);
        }

        foreach (var t in result.Topics.Where(t => t.Score >= MinimumScore))
        {
            wanted[t.Topic.Key] = new Wanted(t.Score, EvidenceToJson(t.Evidence, layout), null);
        }

        foreach (var e in result.Entities.Where(e => e.Score >= MinimumScore))
        {
            wanted[e.Key] = new Wanted(e.Score, EvidenceToJson(e.Evidence, layout), e);
        }

        return wanted;
    }

    private void Apply(Article article, List<ArticleTerm> links, Dictionary<string, Wanted> wanted, Dictionary<string, Term> terms)
    {
        var byTerm = links.Where(l => l.TermId != 0).ToDictionary(l => l.TermId);
        var suggested = new HashSet<int>();
        var created = new HashSet<Term>(ReferenceEqualityComparer.Instance);
        foreach (var (key, (score, json, _)) in wanted)
        {
            if (!terms.TryGetValue(key, out var term) || term.RetiredAt is not null)
            {
                continue;
            }

            // Two results merged into one term: the first (higher) wins.
            if (term.Id != 0 ? !suggested.Add(term.Id) : !created.Add(term))
            {
                continue;
            }

            if (term.Id != 0 && byTerm.TryGetValue(term.Id, out var link))
            {
                if (link.Origin == LinkOrigin.Auto && link.Decision == LinkDecision.None)
                {
                    link.Score = score;
                    link.Evidence = json;
                }

                continue;
            }

            // The id when there is one, so an untracked article's links need no tracked term; the entity for a new tag.
            var added = term.Id != 0
                ? new ArticleTerm { Article = article, TermId = term.Id, Score = score, Origin = LinkOrigin.Auto, Decision = LinkDecision.None, Evidence = json }
                : new ArticleTerm { Article = article, Term = term, Score = score, Origin = LinkOrigin.Auto, Decision = LinkDecision.None, Evidence = json };
            article.Terms.Add(added);
        }

        foreach (var stale in links.Where(l => l.Origin == LinkOrigin.Auto && l.Decision == LinkDecision.None && l.TermId != 0 && !suggested.Contains(l.TermId)))
        {
            article.Terms.Remove(stale);
            if (db.Entry(stale).State is not EntityState.Detached)
            {
                db.ArticleTerms.Remove(stale);
            }
        }
    }

    /// <summary>Terms by result key, following merges; Tag terms are created (once per batch) for entities met for the first time.</summary>
    private async Task<Dictionary<string, Term>> ResolveTermsAsync(Dictionary<string, Wanted> wanted, CancellationToken cancellationToken)
    {
        var byKey = new Dictionary<string, Term>(StringComparer.Ordinal);
        if (wanted.Count == 0)
        {
            return byKey;
        }

        var keys = wanted.Keys.Where(k => !k.StartsWith("term:", StringComparison.Ordinal)).ToList();
        var ids = wanted.Keys.Where(k => k.StartsWith("term:", StringComparison.Ordinal))
            .Select(k => int.TryParse(k.AsSpan(5), CultureInfo.InvariantCulture, out var id) ? id : 0).ToList();
        var found = await db.Terms.Where(t => (t.Key != null && keys.Contains(t.Key)) || ids.Contains(t.Id)).ToListAsync(cancellationToken);
        foreach (var term in found)
        {
            byKey[term.Key ?? "term:" + term.Id.ToString(CultureInfo.InvariantCulture)] = term;
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

        foreach (var key in wanted.Keys.Where(k => !byKey.ContainsKey(k)))
        {
            if (_created.TryGetValue(key, out var tag))
            {
                byKey[key] = tag;
            }
        }

        var newTags = wanted.Where(w => w.Value.Entity is not null && !byKey.ContainsKey(w.Key))
            .Select(w => (w.Key, Entity: w.Value.Entity!, Slug: Slugs.From(w.Value.Entity!.Name, Articles.Article.MaxSlugLength)))
            .Where(t => t.Slug.Length > 0)
            .ToList();
        if (newTags.Count > 0)
        {
            var slugs = await TakenTagSlugsAsync([.. newTags.Select(t => t.Slug).Distinct(StringComparer.Ordinal)], cancellationToken);
            foreach (var (key, entity, slug) in newTags)
            {
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
                _created[key] = tag;
            }
        }

        return byKey;
    }

    /// <summary>Tag slugs already used among <paramref name="slugs"/> and their numbered variants ("name-2"), without reading every tag.</summary>
    private async Task<HashSet<string>> TakenTagSlugsAsync(List<string> slugs, CancellationToken cancellationToken)
    {
        var taken = (await db.Tags.AsNoTracking().Where(t => slugs.Contains(t.Slug)).Select(t => t.Slug).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var slug in taken.ToList())
        {
            var prefix = slug + "-";
            taken.UnionWith(await db.Tags.AsNoTracking().Where(t => t.Slug.StartsWith(prefix)).Select(t => t.Slug).ToListAsync(cancellationToken));
        }

        return taken;
    }

    /// <summary>[{"field":"body","text":"Japan","start":10,"end":15}]: offsets within the article's own field.</summary>
    private static string EvidenceToJson(IReadOnlyList<Evidence> evidence, ArticleLayout layout)
    {
        var stored = new StoredEvidence[Math.Min(evidence.Count, MaxEvidence)];
        for (var i = 0; i < stored.Length; i++)
        {
            var e = evidence[i];
            var (field, start) = layout.Locate(e.Start);
            stored[i] = new StoredEvidence(field, e.Text, start, start + (e.End - e.Start));
        }

        return JsonSerializer.Serialize(stored, EvidenceJsonContext.Default.StoredEvidenceArray);
    }

    internal sealed record StoredEvidence(string Field, string Text, int Start, int End);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StoreArticleTagger.StoredEvidence[]))]
internal sealed partial class EvidenceJsonContext : JsonSerializerContext;
