using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsDesk.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Tagging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.InsertData(
                table: "TaxonomyState",
                columns: new[] { "Id", "BuiltInVersion", "Stamp" },
                values: new object[] { 1, null, new Guid("5e1ec7ed-0000-4000-8000-000000000001") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TaxonomyState");
        }
    }
}
