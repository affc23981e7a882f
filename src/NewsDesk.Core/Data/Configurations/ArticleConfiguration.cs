using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Articles;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public const string SearchIndexName = "IX_Articles_Search";

    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.Property(a => a.Slug).HasMaxLength(Article.MaxSlugLength);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Headline).HasMaxLength(Article.MaxHeadlineLength);
        builder.Property(a => a.Standfirst).HasMaxLength(4000);
        builder.Property(a => a.Byline).HasMaxLength(300);
        builder.Property(a => a.ImageCredit).HasMaxLength(300);
        builder.Property(a => a.SourceName).HasMaxLength(200);
        builder.Property(a => a.OriginalUrl).HasMaxLength(2048);
        builder.Property(a => a.CanonicalUrl).HasMaxLength(2048);
        builder.HasIndex(a => a.CanonicalUrl);
        builder.Property(a => a.Fingerprint).HasMaxLength(1024);
        builder.Property(a => a.ExternalId).HasMaxLength(1000);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.AuthorKeys).HasMaxLength(1000);
        builder.Property(a => a.CorrectionNote).HasMaxLength(4000);
        builder.Property(a => a.LeadImageUrl).HasMaxLength(2048);
        builder.Property(a => a.LeadImageAlt).HasMaxLength(500);
        builder.HasIndex(a => a.StoryClusterId);
        builder.HasIndex(a => a.PinnedAt);

        builder.HasOne(a => a.Source).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.SourceId, a.ExternalId }).IsUnique();
        builder.HasIndex(a => a.ContentHash);
        // Public lists filter by status and sort by publication time.
        builder.HasIndex(a => new { a.Status, a.PublishedAt });
        // Search checks each full-text match for "published and due" from this index alone, without reading the
        // (large) article rows; at 100k stories that makes the check several times cheaper.
        builder.HasIndex(a => new { a.Id, a.Status, a.PublishedAt }).HasDatabaseName(SearchIndexName);
    }
}
