using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Desk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_Articles_Status_ModifiedAt",
                table: "Articles",
                columns: new[] { "Status", "ModifiedAt" });

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

            migrationBuilder.AddForeignKey(
                name: "FK_Articles_Articles_DuplicateOfId",
                table: "Articles",
                column: "DuplicateOfId",
                principalTable: "Articles",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Articles_Articles_DuplicateOfId",
                table: "Articles");

            migrationBuilder.DropTable(
                name: "FrontPagePicks");

            migrationBuilder.DropTable(
                name: "RetagJobs");

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
                name: "IX_Articles_Status_ModifiedAt",
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
