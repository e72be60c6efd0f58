"""Validates every signature of one PDF with pyHanko, offline, and prints JSON.

Usage: python pyhanko-validate.py <file.pdf> [<trust-root.pem> ...]
Output: {"signatures": [{field, intact, valid, trusted, coverage, modification_level,
docmdp_ok, bottom_line, error}], "error": null | str}. Revocation is not fetched
(soft-fail, fetching off): the comparison is about integrity, coverage, trust and
difference analysis, not about revocation data the test PKI does not publish.
"""
import json
import sys

from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko_certvalidator import ValidationContext


def main() -> None:
    path, roots = sys.argv[1], sys.argv[2:]
    context = ValidationContext(
        trust_roots=[load_cert_from_pemder(root) for root in roots],
        allow_fetching=False,
        revocation_mode='soft-fail',
    )
    result = {'signatures': [], 'error': None}
    try:
        with open(path, 'rb') as handle:
            reader = PdfFileReader(handle, strict=False)
            for signature in reader.embedded_signatures:
                entry = {'field': signature.field_name}
                try:
                    if signature.sig_object_type == '/DocTimeStamp':
                        status = validate_pdf_timestamp(signature, validation_context=context)
                    else:
                        status = validate_pdf_signature(signature, signer_validation_context=context)
                    entry.update(
                        intact=bool(status.intact),
                        valid=bool(status.valid),
                        trusted=bool(status.trusted),
                        coverage=status.coverage.name if status.coverage else None,
                        modification_level=status.modification_level.name if status.modification_level else None,
                        docmdp_ok=status.docmdp_ok,
                        bottom_line=bool(status.bottom_line),
                        error=None,
                    )
                except Exception as error:  # noqa: BLE001 - every failure is a verdict to compare
                    entry.update(intact=False, valid=False, trusted=False, coverage=None, modification_level=None, docmdp_ok=None, bottom_line=False, error=f'{type(error).__name__}: {error}')
                result['signatures'].append(entry)
    except Exception as error:  # noqa: BLE001
        result['error'] = f'{type(error).__name__}: {error}'
    print(json.dumps(result))


if __name__ == '__main__':
    main()
