#!/bin/sh
# macOS: sign the .app that `make package` built, wrap it in a .dmg, notarise and staple.
#   packaging/macos/make_dmg.sh                       unsigned .dmg (for testing)
#   SIGN_ID="Developer ID Application: Team (TEAMID)" NOTARY_PROFILE=inspector \
#     packaging/macos/make_dmg.sh                     signed, notarised, stapled
# NOTARY_PROFILE is a keychain profile made once with
#   xcrun notarytool store-credentials inspector --apple-id ID --team-id TEAMID
# (an app-specific password, never written into this repository).
set -eu
cd "$(dirname "$0")/../.."
app=dist/Inspector.app
[ -d "$app" ] || { echo "make_dmg.sh: $app is missing: run make package first" >&2; exit 2; }
version=$(.venv/bin/python -c "import importlib.metadata as m; print(m.version('inspector-app'))")
dmg="dist/Inspector-$version.dmg"

if [ -n "${SIGN_ID:-}" ]; then
  # Inside out: every library and executable, then the bundle, with the hardened runtime
  # and a secure timestamp (both required for notarisation).
  find "$app/Contents" -type f \( -name "*.dylib" -o -name "*.so" -o -perm -u+x \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime \
      --entitlements packaging/macos/entitlements.plist --sign "$SIGN_ID"
  codesign --force --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist --sign "$SIGN_ID" "$app"
  codesign --verify --deep --strict --verbose=2 "$app"
fi

rm -f "$dmg"
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Inspector $version" -srcfolder "$staging" -ov -format UDZO "$dmg"
rm -rf "$staging"

if [ -n "${SIGN_ID:-}" ]; then
  codesign --force --timestamp --sign "$SIGN_ID" "$dmg"
  if [ -n "${NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose "$dmg"
  fi
fi
echo "wrote $dmg"
