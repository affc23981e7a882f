using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Reading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuthorKeys",
                table: "Articles",
                type: "TEXT",
                maxLength: 1000,
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
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadImageAlt",
                table: "Articles",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LeadImageUrl",
                table: "Articles",
                type: "TEXT",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PinnedAt",
                table: "Articles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StoryClusterId",
                table: "Articles",
                type: "INTEGER",
                nullable: true);

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
                name: "FeaturedStories",
                columns: table => new
                {
                    TermId = table.Column<int>(type: "INTEGER", nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    FeaturedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeaturedStories", x => new { x.TermId, x.ArticleId });
                    table.ForeignKey(
                        name: "FK_FeaturedStories_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeaturedStories_Terms_TermId",
                        column: x => x.TermId,
                        principalTable: "Terms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "ContentStamps",
                columns: new[] { "Id", "ChangedAt", "Token" },
                values: new object[] { 1, new DateTime(2000, 1, 1, 0, 0, 0, 0, DateTimeKind.Utc), 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_PinnedAt",
                table: "Articles",
                column: "PinnedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Articles_Search",
                table: "Articles",
                columns: new[] { "Id", "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Articles_StoryClusterId",
                table: "Articles",
                column: "StoryClusterId");

            migrationBuilder.CreateIndex(
                name: "IX_FeaturedStories_ArticleId",
                table: "FeaturedStories",
                column: "ArticleId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentStamps");

            migrationBuilder.DropTable(
                name: "FeaturedStories");

            migrationBuilder.DropIndex(
                name: "IX_Articles_PinnedAt",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_Search",
                table: "Articles");

            migrationBuilder.DropIndex(
                name: "IX_Articles_StoryClusterId",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "AuthorKeys",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CorrectedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "CorrectionNote",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageAlt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "LeadImageUrl",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "PinnedAt",
                table: "Articles");

            migrationBuilder.DropColumn(
                name: "StoryClusterId",
                table: "Articles");
        }
    }
}
