// The palette beside the canvas: drag an item onto the canvas, or press its "+ Add" button
// (keyboard) to place it in its column.
import { memo, type DragEvent } from 'react';
import { PALETTE_ITEMS, PALETTE_MIME, type PaletteItem } from './paletteItems';

function onDragStart(e: DragEvent<HTMLElement>, item: PaletteItem) {
  e.dataTransfer.setData(PALETTE_MIME, item.id);
  e.dataTransfer.effectAllowed = 'copy';
}

function Palette({ onAdd }: { onAdd: (item: PaletteItem) => void }) {
  return (
    <nav className="palette" aria-label="Palette">
      <h2 className="palette__heading">Add to the CDN</h2>
      <p className="palette__hint">Drag onto the canvas, or use + Add.</p>
      <ul className="palette__list">
        {PALETTE_ITEMS.map((item) => (
          <li
            key={item.id}
            className={`palette__item palette__item--${item.kind}`}
            draggable
            onDragStart={(e) => onDragStart(e, item)}
            data-testid={`palette-${item.id}`}
            title={item.hint}
          >
            <span className="palette__label">{item.label}</span>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => onAdd(item)}
              aria-label={`Add ${item.label}`}
            >
              + Add
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default memo(Palette);
