using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Taxonomy;

/// <summary>
/// Places an article on the map: suggests its regions, topics and tags, with scores and evidence, as
/// <see cref="ArticleTerm"/> links of origin <see cref="LinkOrigin.Auto"/> in <see cref="Article.Terms"/>. Links an
/// editor accepted or rejected are never changed. Works on the entity (tracked, or new and not yet added) and does
/// not save: the caller commits the article and its links in one transaction.
/// </summary>
public interface IArticleTagger
{
    Task TagAsync(Article article, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tags each article as <see cref="TagAsync"/> would, as one unit of work (an ingest batch): an implementation
    /// may share the taxonomy, the term look-ups and the tags it creates for newly seen names across the articles.
    /// </summary>
    async Task TagAllAsync(IReadOnlyList<Article> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        foreach (var article in articles)
        {
            await TagAsync(article, cancellationToken);
        }
    }

    /// <summary>
    /// The engine's part of tagging these texts, which reads the store but needs no transaction: a batch writer
    /// (ingest) computes it ahead, on other cores, while the previous batch is written, and hands it to
    /// <see cref="TagAllAsync(IReadOnlyList{Article}, IReadOnlyList{TagSuggestions?}, CancellationToken)"/>.
    /// Null when the tagger has no such split.
    /// </summary>
    Task<IReadOnlyList<TagSuggestions>?> SuggestAllAsync(IReadOnlyList<ArticleText> texts, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<TagSuggestions>?>(null);

    /// <summary>
    /// <see cref="TagAllAsync(IReadOnlyList{Article}, CancellationToken)"/> using suggestions computed ahead for
    /// the same texts (one per article, in order; null where there are none). Suggestions made under a taxonomy
    /// that has changed since, or for a text that is not the article's, are computed again.
    /// </summary>
    Task TagAllAsync(IReadOnlyList<Article> articles, IReadOnlyList<TagSuggestions?> suggestions, CancellationToken cancellationToken = default) =>
        TagAllAsync(articles, cancellationToken);
}

/// <summary>The text a tagger reads: an article's headline, standfirst and Markdown body.</summary>
public sealed record ArticleText(string Headline, string? Standfirst, string Body);

/// <summary>What a tagger suggested for one text, opaque to its callers (see <see cref="IArticleTagger.SuggestAllAsync"/>).</summary>
public abstract class TagSuggestions
{
    private protected TagSuggestions()
    {
    }
}
