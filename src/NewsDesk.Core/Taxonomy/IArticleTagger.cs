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
}
