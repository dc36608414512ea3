import { describe, expect, it } from 'vitest';
import { countPictures, droppedFilesMessage, pastedPicturesMessage } from './messages';

describe('messages for files the statement cannot take', () => {
  it('tells a Word document apart from a picture and anything else', () => {
    expect(droppedFilesMessage([{ name: 'Governance.docx', type: '' }])).toMatch(/^“Governance\.docx” was not added: importing a Word document/);
    expect(droppedFilesMessage([{ name: 'chart.png', type: 'image/png' }, { name: 'b.jpg', type: '' }])).toMatch(
      /^“chart\.png” \(and 1 more\) was not added: drop pictures on the text/,
    );
    expect(droppedFilesMessage([{ name: 'budget.xlsx', type: '' }])).toMatch(/only text can go into the statement/);
    expect(droppedFilesMessage([])).toBe('');
  });

  it('counts pictures in pasted Word HTML, and says whether the text came across', () => {
    expect(countPictures('<p>a<img src="x"></p><v:shape><v:imagedata src="y"/></v:shape><IMG src=z>')).toBe(3);
    expect(countPictures('<p>no pictures</p>')).toBe(0);
    // A picture copied from this app's own editor names its stored bytes: the paste takes it, nothing is dropped.
    expect(countPictures(`<p>a<img data-pcs-blob="${'a'.repeat(64)}" alt="Map"><img src="https://example.com/x.png"></p>`)).toBe(1);
    expect(pastedPicturesMessage(1)).toMatch(/^Pasted the text; a picture was left out, as it was copied as a link to a file elsewhere\. Copy the picture on its own/);
    expect(pastedPicturesMessage(2)).toMatch(/^Pasted the text; 2 pictures were left out/);
  });
});
