/** Cairn's mark: three stacked stones. Decorative; the word beside it names the product. */
export function CairnMark() {
  return (
    <svg className="cairn-mark" viewBox="0 0 32 32" width="24" height="24" aria-hidden="true" focusable="false">
      <ellipse cx="16" cy="25" rx="11" ry="4" />
      <ellipse cx="16" cy="17.5" rx="8" ry="3.4" />
      <ellipse cx="16" cy="10.5" rx="5.2" ry="2.8" />
    </svg>
  );
}
