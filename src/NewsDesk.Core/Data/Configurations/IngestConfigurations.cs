using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Sources;

namespace NewsDesk.Core.Data.Configurations;

internal sealed class ArticleSimilarityBandConfiguration : IEntityTypeConfiguration<ArticleSimilarityBand>
{
    public void Configure(EntityTypeBuilder<ArticleSimilarityBand> builder)
    {
        // Key first: candidate look-ups are "which articles share this band".
        builder.HasKey(b => new { b.Key, b.ArticleId });
        builder.HasOne(b => b.Article).WithMany().HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoryClusterMemberConfiguration : IEntityTypeConfiguration<StoryClusterMember>
{
    public void Configure(EntityTypeBuilder<StoryClusterMember> builder)
    {
        // Its own table rather than a column on Articles: SQLite cannot add a foreign key to an existing table
        // without rebuilding it, and a rebuild cannot run inside the migration's transaction.
        builder.HasKey(m => m.ArticleId);
        builder.HasOne(m => m.Article).WithOne(a => a.ClusterMembership).HasForeignKey<StoryClusterMember>(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.StoryCluster).WithMany(c => c.Members).HasForeignKey(m => m.StoryClusterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.StoryClusterId);
    }
}

internal sealed class FeedRunConfiguration : IEntityTypeConfiguration<FeedRun>
{
    public void Configure(EntityTypeBuilder<FeedRun> builder)
    {
        builder.Property(r => r.Input).HasMaxLength(2048);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.Property(r => r.Instance).HasMaxLength(200);
        builder.HasOne(r => r.Source).WithMany().HasForeignKey(r => r.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SourceId, r.StartedAt });
    }
}
