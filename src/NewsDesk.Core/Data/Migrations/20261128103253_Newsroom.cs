using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Newsroom : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LeaseExpiresAt",
                table: "Sources",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeaseOwner",
                table: "Sources",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AuthorKeys",
                table: "Articles",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CanonicalUrl",
                table: "Articles",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "CorrectedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "Articles",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DuplicateOfId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "Fingerprint",
                table: "Articles",
                type: "BLOB",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadImageAlt",
                table: "Articles",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadImageCaption",
                table: "Articles",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadImageHeight",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadImageKey",
                table: "Articles",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LeadImageWidth",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SourcePublishedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CorrectionNote",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImageCredit",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginalUrl",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceName",
                table: "ArticleRevisions",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ArticleSimilarityBands",
                columns: table => new
                {
                    Key = table.Column<long>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleSimilarityBands", x => new { x.Key, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_ArticleSimilarityBands_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContentStamps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Token = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentStamps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceId = table.Column<int>(type: "INTEGER", nullable: true),
                    Input = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HttpStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Duplicates = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Instance = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedRuns_Sources_SourceId",
                        column: x => x.SourceId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FrontPagePicks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slot = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    PickedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PickedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FrontPagePicks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FrontPagePicks_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FrontPagePicks_Terms_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RetagJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    LastArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetagJobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoryClusters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryClusters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TaxonomyState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Stamp = table.Column<Guid>(type: "TEXT", nullable: false),
                    BuiltInVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaxonomyState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoryClusterMembers",
                columns: table => new
                {
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    StoryClusterId = table.Column<int>(type: "INTEGER", nullable: false),
                    Similarity = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoryClusterMembers", x => x.ArticleId);
                    table.ForeignKey(
                        name: "FK_StoryClusterMembers_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StoryClusterMembers_StoryClusters_StoryClusterId",
                        column: x => x.StoryClusterId,
                        principalTable: "StoryClusters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ContentStamps",
                columns: new[] { "Id", "ChangedAt", "Token" },
                values: new object[] { 1, new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0L });

            migrationBuilder.InsertData(
                table: "TaxonomyState",
                columns: new[] { "Id", "BuiltInVersion", "Stamp" },
                values: new object[] { 1, null, new Guid("5e1ec7ed-0000-4000-8000-000000000001") });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_CanonicalUrl",
                table: "Articles",
                column: "CanonicalUrl");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_DeskText",
                table: "Articles",
                columns: new[] { "Status", "PublishedAt", "ModifiedAt", "Headline", "Standfirst" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_DuplicateOfId",
                table: "Articles",
                column: "DuplicateOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_ModifiedAt",
                table: "Articles",
                column: "ModifiedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Search",
                table: "Articles",
                columns: new[] { "Id", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Status_ModifiedAt",
                table: "Articles",
                columns: new[] { "Status", "ModifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSimilarityBands_ArticleId",
                table: "ArticleSimilarityBands",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedRuns_SourceId_StartedAt",
                table: "FeedRuns",
                columns: new[] { "SourceId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FrontPagePicks_ArticleId",
                table: "FrontPagePicks",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_FrontPagePicks_RegionId",
                table: "FrontPagePicks",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_FrontPagePicks_Slot_RegionId_Position",
                table: "FrontPagePicks",
                columns: new[] { "Slot", "RegionId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_RetagJobs_State",
                table: "RetagJobs",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_StoryClusterMembers_StoryClusterId",
                table: "StoryClusterMembers",
                column: "StoryClusterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ArticleSimilarityBands");

            migrationBuilder.DropTable(
                name: "ContentStamps");

            migrationBuilder.DropTable(
                name: "FeedRuns");

            migrationBuilder.DropTable(
                name: "FrontPagePicks");

            migrationBuilder.DropTable(
                name: "RetagJobs");

            migrationBuilder.DropTable(
                name: "StoryClusterMembers");

            migrationBuilder.DropTable(
                name: "TaxonomyState");

            migrationBuilder.DropTable(
                name: "StoryClusters");

            migrationBuilder.DropIndex(
                name: "IX_Articles_CanonicalUrl",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_DeskText",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_DuplicateOfId",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_ModifiedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Search",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Status_ModifiedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeaseExpiresAt",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "LeaseOwner",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "AuthorKeys",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CanonicalUrl",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "DuplicateOfId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "Fingerprint",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageAlt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageCaption",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageHeight",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageKey",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageWidth",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "SourcePublishedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "ImageCredit",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "OriginalUrl",
                table: "ArticleRevisions");

            migrationBuilder.DropColumn(
                name: "SourceName",
                table: "ArticleRevisions");
        }
    }
}
