import Testing
@testable import URemoteKit

/// mip's package notations, as mpremote reads them.
@Suite struct DeployPackageSourceTests {
    @Test func indexNamesAndVersions() {
        #expect(PackageSource.parse("aioble") == (.indexed(name: "aioble", version: "latest"), nil))
        #expect(PackageSource.parse("aioble@1.2") == (.indexed(name: "aioble", version: "1.2"), "1.2"))
    }

    @Test func hostedRepositoriesAreRewritten() {
        #expect(PackageSource.parse("github:org/repo").source
                == .manifest(location: "https://raw.githubusercontent.com/org/repo/HEAD/package.json"))
        #expect(PackageSource.parse("github:org/repo/sub@v2").source
                == .manifest(location: "https://raw.githubusercontent.com/org/repo/v2/sub/package.json"))
        #expect(PackageSource.parse("gitlab:org/repo/x.py@main").source
                == .file(location: "https://gitlab.com/org/repo/-/raw/main/x.py"))
        #expect(PackageSource.parse("https://example.com/pkg/").source == .manifest(location: "https://example.com/pkg/package.json"))
    }

    @Test func localFilesAndManifests() {
        #expect(PackageSource.parse("./pkg/package.json").source == .manifest(location: "./pkg/package.json"))
        #expect(PackageSource.parse("drivers/ssd1306.py").source == .file(location: "drivers/ssd1306.py"))
    }

    @Test func unsafeTargetPathsAreRejected() {
        #expect(throws: BoardFileError.self) { try PackageInstaller.checkRelative("../boot.py", in: "x") }
        #expect(throws: BoardFileError.self) { try PackageInstaller.checkRelative("/main.py", in: "x") }
        #expect(throws: Never.self) { try PackageInstaller.checkRelative("pkg/a.py", in: "x") }
    }
}
